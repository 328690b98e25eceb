using System.Numerics.Tensors;

namespace LlmErs.Vectors;

/// <summary>
/// An 8-bit (or 4-bit) copy of a <see cref="VectorMatrix"/>, a quarter (or an eighth) of its size, for a first pass that
/// shortlists candidates before exact float32 re-ranking.
/// </summary>
/// <remarks>
/// Rows are stored as codes <c>u</c> with <c>value ≈ offset + scale · u</c>; queries are quantized to signed bytes, so
/// the scan is one integer dot product per row. Per-dimension scales fold into the query (<c>Σ q·(o + s·u) =
/// Σ q·o + Σ (q·s)·u</c>); per-row scales multiply the integer result. 4-bit rows are packed two codes a byte in blocks
/// of 64 values (see <see cref="Int4Kernels"/>), the last block padded with zero codes that a zero query weight ignores.
/// </remarks>
public sealed unsafe class QuantizedVectors : IDisposable
{
    private readonly AlignedMemoryHandle _codes;
    private readonly float[] _scales;
    private readonly float[] _offsets;

    private QuantizedVectors(AlignedMemoryHandle codes, int count, int dimension, QuantizationScale scale, int bitsPerValue, float[] scales, float[] offsets)
    {
        _codes = codes;
        Count = count;
        Dimension = dimension;
        Scale = scale;
        BitsPerValue = bitsPerValue;
        RowBytes = RowBytesOf(dimension, bitsPerValue);
        _scales = scales;
        _offsets = offsets;
    }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>The number of values in each row.</summary>
    public int Dimension { get; }

    /// <summary>How values were mapped to codes.</summary>
    public QuantizationScale Scale { get; }

    /// <summary>The bits of one code: 8 or 4.</summary>
    public int BitsPerValue { get; }

    /// <summary>The bytes of one row: the dimension at 8 bits; at 4 bits, half of it rounded up to whole 64-value blocks.</summary>
    internal int RowBytes { get; }

    /// <summary>How many query codes <see cref="QuantizeQuery"/> writes (the row's values, padding included).</summary>
    internal int QueryLength => BitsPerValue == 8 ? Dimension : 2 * RowBytes;

    /// <summary>The code of a value at the midpoint, which per-row scales store zero as (symmetric codes).</summary>
    private int Centre => 1 << (BitsPerValue - 1);

    /// <summary>The codes of all rows, row-major, 64-byte aligned.</summary>
    private byte* Codes => (byte*)_codes.Pointer;

    /// <summary>Quantizes every row of <paramref name="vectors"/> to 8-bit codes.</summary>
    /// <param name="vectors">The float32 rows.</param>
    /// <param name="scale">How to map values to bytes; per dimension suits normalized embeddings best.</param>
    /// <param name="cancellationToken">Cancels between rows.</param>
    public static QuantizedVectors Create(VectorMatrix vectors, QuantizationScale scale = QuantizationScale.PerDimension, CancellationToken cancellationToken = default) =>
        Create(vectors, scale, bitsPerValue: 8, cancellationToken);

    /// <summary>Quantizes every row of <paramref name="vectors"/> to codes of <paramref name="bitsPerValue"/> bits.</summary>
    /// <param name="vectors">The float32 rows.</param>
    /// <param name="scale">How to map values to codes; per dimension suits normalized embeddings best.</param>
    /// <param name="bitsPerValue">8, or 4 for half the memory and half the bytes a scan reads, at a coarser first pass.</param>
    /// <param name="cancellationToken">Cancels between rows.</param>
    public static QuantizedVectors Create(VectorMatrix vectors, QuantizationScale scale, int bitsPerValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (bitsPerValue is not (8 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(bitsPerValue), bitsPerValue, "Quantize to 8 or 4 bits per value.");
        }

        var (count, dimension) = (vectors.Count, vectors.Dimension);
        var codes = AlignedMemoryHandle.Allocate((nuint)count * (nuint)RowBytesOf(dimension, bitsPerValue));
        try
        {
            var quantized = scale switch
            {
                QuantizationScale.PerDimension => new QuantizedVectors(codes, count, dimension, scale, bitsPerValue, new float[dimension], new float[dimension]),
                QuantizationScale.PerRow => new QuantizedVectors(codes, count, dimension, scale, bitsPerValue, new float[count], []),
                _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Choose PerDimension or PerRow."),
            };
            quantized.Encode(vectors, cancellationToken);
            return quantized;
        }
        catch
        {
            codes.Dispose();
            throw;
        }
    }

    /// <summary>The reconstructed float values of one row, for checking the quantization error.</summary>
    public void Decode(int row, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        var codes = new ReadOnlySpan<byte>(Codes + ((long)row * RowBytes), RowBytes);
        var values = destination[..Dimension];
        if (BitsPerValue == 8)
        {
            TensorPrimitives.ConvertTruncating<byte, float>(codes, values);
        }
        else
        {
            for (var i = 0; i < Dimension; i++)
            {
                values[i] = Int4Kernels.Unpack(codes, i);
            }
        }

        if (Scale == QuantizationScale.PerDimension)
        {
            TensorPrimitives.FusedMultiplyAdd(values, _scales, _offsets, values);
        }
        else
        {
            TensorPrimitives.Add(values, -Centre, values);
            TensorPrimitives.Multiply(values, _scales[row], values);
        }
    }

    /// <summary>
    /// Quantizes a query to signed bytes in [-127, 127] (<see cref="QueryLength"/> of them, padding zero) and returns what
    /// turns integer dots back into scores.
    /// </summary>
    internal QuantizedQuery QuantizeQuery(ReadOnlySpan<float> query, Span<sbyte> codes)
    {
        codes[Dimension..QueryLength].Clear();
        Span<float> weights = Dimension <= 1024 ? stackalloc float[Dimension] : new float[Dimension];
        if (Scale == QuantizationScale.PerDimension)
        {
            TensorPrimitives.Multiply(query, _scales, weights);
        }
        else
        {
            query.CopyTo(weights);
        }

        // MaxMagnitude returns the signed element.
        var largest = MathF.Abs(TensorPrimitives.MaxMagnitude(weights));
        var step = largest > 0f ? largest / 127f : 0f;
        var sum = 0;
        for (var i = 0; i < Dimension; i++)
        {
            codes[i] = step > 0f ? (sbyte)MathF.Round(weights[i] / step) : (sbyte)0;
            sum += codes[i];
        }

        var offset = Scale == QuantizationScale.PerDimension ? TensorPrimitives.Dot(query, _offsets) : 0f;
        return new QuantizedQuery(step, offset, sum);
    }

    /// <summary>Writes the integer dots of <paramref name="count"/> rows from <paramref name="firstRow"/> with a quantized query.</summary>
    internal void Score(int firstRow, int count, sbyte* query, int* dots)
    {
        var rows = Codes + ((long)firstRow * RowBytes);
        if (BitsPerValue == 8)
        {
            Int8Kernels.Score(rows, count, Dimension, query, dots);
        }
        else
        {
            Int4Kernels.Score(rows, count, RowBytes, query, dots);
        }
    }

    /// <summary>Turns integer dots of rows <paramref name="firstRow"/>… into approximate dot products.</summary>
    internal void ToScores(ReadOnlySpan<int> dots, int firstRow, QuantizedQuery query, Span<float> scores)
    {
        TensorPrimitives.ConvertTruncating<int, float>(dots, scores);
        if (Scale == QuantizationScale.PerDimension)
        {
            TensorPrimitives.Multiply(scores, query.Step, scores);
            TensorPrimitives.Add(scores, query.Offset, scores);
        }
        else
        {
            TensorPrimitives.Subtract(scores, (float)Centre * query.Sum, scores);
            TensorPrimitives.Multiply(scores, _scales.AsSpan(firstRow, dots.Length), scores);
            TensorPrimitives.Multiply(scores, query.Step, scores);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _codes.Dispose();

    private static int RowBytesOf(int dimension, int bitsPerValue) =>
        bitsPerValue == 8 ? dimension : (dimension + Int4Kernels.BlockValues - 1) / Int4Kernels.BlockValues * Int4Kernels.BlockBytes;

    private void Encode(VectorMatrix vectors, CancellationToken cancellationToken)
    {
        // value = offset + scale · u  ⇒  u = value · (1 / scale) − offset / scale, rounded by adding ½ before truncation.
        var levels = (1 << BitsPerValue) - 1;
        var multiplier = new float[Dimension];
        var addend = new float[Dimension];
        if (Scale == QuantizationScale.PerDimension && Count > 0)
        {
            var max = vectors.GetRow(0).ToArray();
            vectors.GetRow(0).CopyTo(_offsets);
            for (var row = 1; row < Count; row++)
            {
                TensorPrimitives.Min(_offsets, vectors.GetRow(row), _offsets);
                TensorPrimitives.Max(max, vectors.GetRow(row), max);
            }

            for (var d = 0; d < Dimension; d++)
            {
                _scales[d] = (max[d] - _offsets[d]) / levels;
                multiplier[d] = _scales[d] > 0f ? 1f / _scales[d] : 0f;
                addend[d] = 0.5f - (_offsets[d] * multiplier[d]);
            }
        }

        var scaled = new float[Dimension];
        var unpacked = BitsPerValue == 8 ? [] : new byte[QueryLength];
        for (var row = 0; row < Count; row++)
        {
            if ((row & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var values = vectors.GetRow(row);
            if (Scale == QuantizationScale.PerDimension)
            {
                TensorPrimitives.FusedMultiplyAdd(values, multiplier, addend, scaled);
            }
            else
            {
                // Symmetric codes −127…127 stored with +128 (−7…7 with +8 at 4 bits), so the centre stands for zero.
                var largest = MathF.Abs(TensorPrimitives.MaxMagnitude(values));
                _scales[row] = largest / (Centre - 1);
                TensorPrimitives.Multiply(values, largest > 0f ? (Centre - 1) / largest : 0f, scaled);
                TensorPrimitives.Add(scaled, Centre + 0.5f, scaled);
            }

            var codes = new Span<byte>(Codes + ((long)row * RowBytes), RowBytes);
            if (BitsPerValue == 8)
            {
                TensorPrimitives.ConvertSaturating<float, byte>(scaled, codes);
            }
            else
            {
                TensorPrimitives.ConvertSaturating<float, byte>(scaled, unpacked.AsSpan(0, Dimension));
                Int4Kernels.Pack(unpacked, codes);
            }
        }
    }
}

/// <summary>A quantized query's step (value per code), the constant part of its scores, and the sum of its codes.</summary>
internal readonly record struct QuantizedQuery(float Step, float Offset, int Sum);

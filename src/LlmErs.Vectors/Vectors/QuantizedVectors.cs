using System.Numerics.Tensors;

namespace LlmErs.Vectors;

/// <summary>
/// An 8-bit copy of a <see cref="VectorMatrix"/>, a quarter of its size, for a first pass that shortlists candidates
/// before exact float32 re-ranking.
/// </summary>
/// <remarks>
/// Rows are stored as bytes <c>u</c> with <c>value ≈ offset + scale · u</c>; queries are quantized to signed bytes, so
/// the scan is one integer dot product per row. Per-dimension scales fold into the query (<c>Σ q·(o + s·u) =
/// Σ q·o + Σ (q·s)·u</c>); per-row scales multiply the integer result.
/// </remarks>
public sealed unsafe class QuantizedVectors : IDisposable
{
    private readonly AlignedMemoryHandle _codes;
    private readonly float[] _scales;
    private readonly float[] _offsets;

    private QuantizedVectors(AlignedMemoryHandle codes, int count, int dimension, QuantizationScale scale, float[] scales, float[] offsets)
    {
        _codes = codes;
        Count = count;
        Dimension = dimension;
        Scale = scale;
        _scales = scales;
        _offsets = offsets;
    }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>The number of values in each row.</summary>
    public int Dimension { get; }

    /// <summary>How values were mapped to bytes.</summary>
    public QuantizationScale Scale { get; }

    /// <summary>The bytes of all rows, row-major, 64-byte aligned.</summary>
    internal byte* Codes => (byte*)_codes.Pointer;

    /// <summary>Quantizes every row of <paramref name="vectors"/>.</summary>
    /// <param name="vectors">The float32 rows.</param>
    /// <param name="scale">How to map values to bytes; per dimension suits normalized embeddings best.</param>
    /// <param name="cancellationToken">Cancels between rows.</param>
    public static QuantizedVectors Create(VectorMatrix vectors, QuantizationScale scale = QuantizationScale.PerDimension, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var (count, dimension) = (vectors.Count, vectors.Dimension);
        var codes = AlignedMemoryHandle.Allocate((nuint)count * (nuint)dimension);
        try
        {
            var quantized = scale switch
            {
                QuantizationScale.PerDimension => new QuantizedVectors(codes, count, dimension, scale, new float[dimension], new float[dimension]),
                QuantizationScale.PerRow => new QuantizedVectors(codes, count, dimension, scale, new float[count], []),
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
        var codes = new ReadOnlySpan<byte>(Codes + ((long)row * Dimension), Dimension);
        var values = destination[..Dimension];
        TensorPrimitives.ConvertTruncating<byte, float>(codes, values);
        if (Scale == QuantizationScale.PerDimension)
        {
            TensorPrimitives.FusedMultiplyAdd(values, _scales, _offsets, values);
        }
        else
        {
            TensorPrimitives.Add(values, -128f, values);
            TensorPrimitives.Multiply(values, _scales[row], values);
        }
    }

    /// <summary>Quantizes a query to signed bytes in [-127, 127] and returns what turns integer dots back into scores.</summary>
    internal QuantizedQuery QuantizeQuery(ReadOnlySpan<float> query, Span<sbyte> codes)
    {
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
            TensorPrimitives.Subtract(scores, 128f * query.Sum, scores);
            TensorPrimitives.Multiply(scores, _scales.AsSpan(firstRow, dots.Length), scores);
            TensorPrimitives.Multiply(scores, query.Step, scores);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _codes.Dispose();

    private void Encode(VectorMatrix vectors, CancellationToken cancellationToken)
    {
        // value = offset + scale · u  ⇒  u = value · (1 / scale) − offset / scale, rounded by adding ½ before truncation.
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
                _scales[d] = (max[d] - _offsets[d]) / 255f;
                multiplier[d] = _scales[d] > 0f ? 1f / _scales[d] : 0f;
                addend[d] = 0.5f - (_offsets[d] * multiplier[d]);
            }
        }

        var scaled = new float[Dimension];
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
                // Symmetric codes −127…127 stored with +128, so 128 stands for zero.
                var largest = MathF.Abs(TensorPrimitives.MaxMagnitude(values));
                _scales[row] = largest / 127f;
                TensorPrimitives.Multiply(values, largest > 0f ? 127f / largest : 0f, scaled);
                TensorPrimitives.Add(scaled, 128.5f, scaled);
            }

            TensorPrimitives.ConvertSaturating<float, byte>(scaled, new Span<byte>(Codes + ((long)row * Dimension), Dimension));
        }
    }
}

/// <summary>A quantized query's step (value per code), the constant part of its scores, and the sum of its codes.</summary>
internal readonly record struct QuantizedQuery(float Step, float Offset, int Sum);


namespace LlmErs.Vectors;

/// <summary>
/// Residual-quantization codebooks: level 0 quantizes the (optionally PCA-projected) vector, each next level quantizes
/// what the previous levels left. An item's codes, one per level, are its semantic ID before de-duplication.
/// </summary>
/// <remarks>Train with <see cref="RqKMeans.Train"/>; save and reload with <see cref="Save"/> and <see cref="Load"/>. Encoding is thread-safe.</remarks>
public sealed class SemanticIdCodebook
{
    private readonly float[][] _centroids;

    internal SemanticIdCodebook(int dimension, PcaProjection? projection, float[][] centroids, int codes)
    {
        Dimension = dimension;
        Projection = projection;
        _centroids = centroids;
        Codes = codes;
    }

    /// <summary>The dimension of the vectors encoded.</summary>
    public int Dimension { get; }

    /// <summary>The dimension quantized: the number of principal components, or <see cref="Dimension"/> without PCA.</summary>
    public int QuantizedDimension => Projection?.OutputDimension ?? Dimension;

    /// <summary>The number of levels.</summary>
    public int Levels => _centroids.Length;

    /// <summary>The codebook size of each level.</summary>
    public int Codes { get; }

    internal PcaProjection? Projection { get; }

    /// <summary>The centroids of <paramref name="level"/>, row-major: <see cref="Codes"/> rows of <see cref="QuantizedDimension"/> values.</summary>
    public ReadOnlySpan<float> GetCentroids(int level) => _centroids[level];

    /// <summary>The codes of <paramref name="vector"/>, coarse to fine.</summary>
    public int[] Encode(ReadOnlySpan<float> vector)
    {
        var codes = new int[Levels];
        Encode(vector, codes, residualErrors: default);
        return codes;
    }

    /// <summary>Encodes every row of <paramref name="vectors"/> into unique IDs, in row order, and reports how well the codebook fits them.</summary>
    /// <param name="vectors">Vectors of <see cref="Dimension"/> values.</param>
    /// <param name="mode">When a de-duplication code is appended.</param>
    /// <param name="cancellationToken">Cancels the encoding.</param>
    public SemanticIdEncoding EncodeAll(VectorMatrix vectors, DeduplicationMode mode = DeduplicationMode.OnCollision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ThrowIfWrongDimension(vectors.Dimension);
        var count = vectors.Count;
        var codes = new int[count * Levels];
        var residualErrors = new double[count * Levels];
        var squaredErrors = new double[count];
        var squaredNorms = new double[count];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, () => new float[Dimension], (row, _, decoded) =>
        {
            var vector = vectors.GetRow(row);
            var itemCodes = codes.AsSpan(row * Levels, Levels);
            Encode(vector, itemCodes, residualErrors.AsSpan(row * Levels, Levels));
            Decode(itemCodes, decoded);
            squaredErrors[row] = DeterministicMath.SquaredDistance(vector, decoded);
            squaredNorms[row] = DeterministicMath.Dot(vector, vector);
            return decoded;
        }, _ => { });

        var assigner = new SemanticIdAssigner(Levels, mode);
        var ids = new SemanticId[count];
        var collisions = 0;
        var maxCode = 0;
        for (var row = 0; row < count; row++)
        {
            ids[row] = assigner.Assign(codes.AsSpan(row * Levels, Levels));
            if (ids[row].Length > Levels)
            {
                maxCode = Math.Max(maxCode, ids[row][Levels]);
                collisions += ids[row][Levels] > 0 ? 1 : 0;
            }
        }

        var levels = new SemanticIdLevelQuality[Levels];
        for (var level = 0; level < Levels; level++)
        {
            levels[level] = LevelQuality(level, codes, residualErrors, count);
        }

        var totalError = squaredErrors.Sum();
        var totalNorm = squaredNorms.Sum();
        var report = new SemanticIdQualityReport(
            count,
            count == 0 ? 0 : collisions / (double)count,
            maxCode,
            levels,
            count == 0 ? 0 : totalError / count,
            totalNorm == 0 ? 0 : totalError / totalNorm);
        return new SemanticIdEncoding(ids, report);
    }

    /// <summary>The vector the codes stand for: the sum of their centroids, mapped back from the PCA space.</summary>
    public void Decode(ReadOnlySpan<int> codes, Span<float> destination)
    {
        if (codes.Length != Levels)
        {
            throw new ArgumentException($"Got {codes.Length} codes; this codebook has {Levels} levels.", nameof(codes));
        }

        var quantized = new float[QuantizedDimension];
        for (var level = 0; level < Levels; level++)
        {
            if ((uint)codes[level] >= (uint)Codes)
            {
                throw new ArgumentOutOfRangeException(nameof(codes), $"Code {codes[level]} at level {level} is outside the codebook's 0–{Codes - 1}.");
            }

            var centroid = _centroids[level].AsSpan(codes[level] * QuantizedDimension, QuantizedDimension);
            for (var d = 0; d < QuantizedDimension; d++)
            {
                quantized[d] += centroid[d];
            }
        }

        if (Projection is null)
        {
            quantized.CopyTo(destination);
        }
        else
        {
            Projection.Reconstruct(quantized, destination);
        }
    }

    /// <summary>Writes the codebook to <paramref name="path"/>; the same codebook always gives the same bytes.</summary>
    public void Save(string path) => SemanticIdCodebookFormat.Write(this, path);

    /// <summary>Reads a codebook written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a codebook or fails its checksum.</exception>
    public static SemanticIdCodebook Load(string path) => SemanticIdCodebookFormat.Read(path);

    /// <summary>Quantizes one vector; writes each level's remaining squared error when <paramref name="residualErrors"/> is not empty.</summary>
    internal void Encode(ReadOnlySpan<float> vector, Span<int> codes, Span<double> residualErrors)
    {
        ThrowIfWrongDimension(vector.Length);
        var residual = new float[QuantizedDimension];
        if (Projection is null)
        {
            vector.CopyTo(residual);
        }
        else
        {
            Projection.Project(vector, residual);
        }

        for (var level = 0; level < Levels; level++)
        {
            codes[level] = DeterministicMath.Nearest(residual, _centroids[level], out var distance);
            var centroid = _centroids[level].AsSpan(codes[level] * QuantizedDimension, QuantizedDimension);
            for (var d = 0; d < residual.Length; d++)
            {
                residual[d] -= centroid[d];
            }

            if (!residualErrors.IsEmpty)
            {
                residualErrors[level] = distance;
            }
        }
    }

    private SemanticIdLevelQuality LevelQuality(int level, int[] codes, double[] residualErrors, int count)
    {
        var histogram = new int[Codes];
        var residual = 0.0;
        for (var row = 0; row < count; row++)
        {
            histogram[codes[(row * Levels) + level]]++;
            residual += residualErrors[(row * Levels) + level];
        }

        var used = histogram.Count(frequency => frequency > 0);
        var entropy = 0.0;
        foreach (var frequency in histogram)
        {
            if (frequency > 0)
            {
                var p = frequency / (double)count;
                entropy -= p * Math.Log(p);
            }
        }

        return new SemanticIdLevelQuality(level, used, Codes - used, used / (double)Codes, Math.Exp(entropy), count == 0 ? 0 : residual / count);
    }

    private void ThrowIfWrongDimension(int dimension)
    {
        if (dimension != Dimension)
        {
            throw new ArgumentException($"The vectors have {dimension} values; this codebook encodes vectors of {Dimension}. Embed with the model the codebook was trained on.");
        }
    }
}


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
    public SemanticIdEncoding EncodeAll(VectorMatrix vectors, DeduplicationMode mode = DeduplicationMode.OnCollision, CancellationToken cancellationToken = default) =>
        EncodeAll(vectors, [], [], mode, cancellationToken);

    /// <summary>
    /// Encodes every row of <paramref name="vectors"/> into unique IDs, keeping the IDs given out before: a row whose codes
    /// are still those of its earlier ID keeps that ID, de-duplication code included, so re-encoding unchanged vectors with
    /// the same codebook changes no ID. The other rows get new IDs, in row order, that repeat neither a kept ID nor a
    /// <paramref name="retired"/> one.
    /// </summary>
    /// <param name="vectors">Vectors of <see cref="Dimension"/> values.</param>
    /// <param name="previous">Each row's earlier ID, in row order (empty or shorter than the rows: the rest are new); an empty ID for a new row.</param>
    /// <param name="retired">IDs given out before to items no longer encoded; never given to another item.</param>
    /// <param name="mode">When a de-duplication code is appended.</param>
    /// <param name="cancellationToken">Cancels the encoding.</param>
    /// <exception cref="ArgumentException">An earlier ID has neither <see cref="Levels"/> nor <see cref="Levels"/> + 1 codes, or two rows share one.</exception>
    public SemanticIdEncoding EncodeAll(
        VectorMatrix vectors, IReadOnlyList<SemanticId> previous, IEnumerable<SemanticId> retired,
        DeduplicationMode mode = DeduplicationMode.OnCollision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(retired);
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

        var ids = AssignIds(codes, count, previous, retired, mode);
        var collisions = 0;
        var maxCode = 0;
        var tuples = new HashSet<SemanticId>();
        for (var row = 0; row < count; row++)
        {
            collisions += tuples.Add(new SemanticId(codes.AsSpan(row * Levels, Levels))) ? 0 : 1;
            maxCode = ids[row].Length > Levels ? Math.Max(maxCode, ids[row][Levels]) : maxCode;
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

    /// <summary>Keeps each row's earlier ID while its codes still match, then gives the other rows new IDs in row order.</summary>
    private SemanticId[] AssignIds(int[] codes, int count, IReadOnlyList<SemanticId> previous, IEnumerable<SemanticId> retired, DeduplicationMode mode)
    {
        var earlier = previous.Take(count).Where(id => !id.IsEmpty).ToList();
        var assigner = new SemanticIdAssigner(Levels, mode, [.. earlier, .. retired]);
        var ids = new SemanticId[count];
        var kept = new HashSet<SemanticId>();
        for (var row = 0; row < Math.Min(count, previous.Count); row++)
        {
            var id = previous[row];
            if (id.IsEmpty || !id.Codes[..Levels].SequenceEqual(codes.AsSpan(row * Levels, Levels)) || (mode == DeduplicationMode.Always && id.Length == Levels))
            {
                continue;
            }

            if (!kept.Add(id))
            {
                throw new ArgumentException($"Rows share the earlier ID '{id}'; every item must have an ID of its own.", nameof(previous));
            }

            ids[row] = id;
        }

        for (var row = 0; row < count; row++)
        {
            if (ids[row].IsEmpty)
            {
                ids[row] = assigner.Assign(codes.AsSpan(row * Levels, Levels));
            }
        }

        return ids;
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

using System.Numerics.Tensors;

namespace LlmErs.Vectors;

/// <summary>
/// Exact top-k search over every row of a <see cref="VectorMatrix"/> with SIMD kernels that run near the memory
/// bandwidth: one query, or a batch of queries that share each pass over the rows.
/// </summary>
/// <remarks>
/// Results are ordered by score, highest first; equal scores are ordered by lower row index, whatever the degree of
/// parallelism. Searching is thread-safe; the matrix must outlive the searcher.
/// </remarks>
public sealed unsafe class VectorSearcher
{
    // Single-query scans score this many rows into a stack buffer before offering them to the heap.
    private const int BlockRows = 512;

    // Batched scans keep a tile of about this many bytes of rows in L2 while every query passes over it.
    private const int TileBytes = 256 * 1024;

    private readonly float[]? _inverseNorms;

    /// <summary>Creates a searcher over <paramref name="vectors"/>.</summary>
    /// <remarks>
    /// With <see cref="SimilarityMetric.Cosine"/> over rows not known to be unit-norm, the row norms are computed here, in
    /// one pass over the rows.
    /// </remarks>
    public VectorSearcher(VectorMatrix vectors, VectorSearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        options ??= new VectorSearchOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1, nameof(options));
        Vectors = vectors;
        Metric = options.Metric;
        MaxDegreeOfParallelism = options.MaxDegreeOfParallelism;
        // The one place that decides how cosine is scored, for every searcher and for the serving index: queries are
        // always normalized (PrepareQuery), so on unit-norm rows cosine is the plain dot product and only other rows
        // need their norms divided out.
        if (Metric == SimilarityMetric.Cosine && !options.RowsAreNormalized)
        {
            _inverseNorms = new float[vectors.Count];
            for (var row = 0; row < vectors.Count; row++)
            {
                var norm = TensorPrimitives.Norm(vectors.GetRow(row));
                _inverseNorms[row] = norm > 0f ? 1f / norm : 0f;
            }
        }
    }

    /// <summary>The rows searched.</summary>
    public VectorMatrix Vectors { get; }

    /// <summary>How queries and rows are compared.</summary>
    public SimilarityMetric Metric { get; }

    /// <summary>How many threads one search may use.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>The <paramref name="k"/> rows most similar to <paramref name="query"/>, best first.</summary>
    /// <param name="query">A vector of <see cref="VectorMatrix.Dimension"/> finite values.</param>
    /// <param name="k">How many rows to return; fewer come back when the matrix has fewer rows.</param>
    /// <param name="excludedRows">Rows never to return, e.g. items the user has already seen.</param>
    public ScoredRow[] Search(ReadOnlySpan<float> query, int k, IReadOnlySet<int>? excludedRows = null) =>
        Search(query, k, ExcludedRows.Of(excludedRows));

    /// <summary>The <paramref name="k"/> rows most similar to <paramref name="query"/>, best first, <paramref name="excluded"/> left out.</summary>
    internal ScoredRow[] Search(ReadOnlySpan<float> query, int k, ExcludedRows excluded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var prepared = PrepareQuery(query);
        var heaps = ParallelScan.Run(Vectors.Count, 1, k, MaxDegreeOfParallelism, (start, end, heaps) =>
        {
            var scores = stackalloc float[BlockRows];
            fixed (float* q = prepared)
            {
                for (var block = start; block < end; block += BlockRows)
                {
                    var count = Math.Min(BlockRows, end - block);
                    ScoreBlock(block, count, q, scores);
                    heaps[0].AddAscending(new ReadOnlySpan<float>(scores, count), block, excluded);
                }
            }
        }, CancellationToken.None);
        return heaps[0].ToSortedArray();
    }

    /// <summary>
    /// The <paramref name="k"/> best rows for each of several queries. Rows are read in tiles that stay in cache while
    /// every query passes over them, so a batch costs far less than its queries one by one.
    /// </summary>
    /// <param name="queries">The queries, row-major: <c>queries.Length / Dimension</c> vectors.</param>
    /// <param name="k">How many rows to return per query.</param>
    /// <param name="cancellationToken">Cancels between tiles.</param>
    /// <returns>One result per query, in query order, each best first; identical to calling <see cref="Search(ReadOnlySpan{float}, int, IReadOnlySet{int})"/> per query.</returns>
    public ScoredRow[][] SearchBatch(ReadOnlySpan<float> queries, int k, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var dimension = Vectors.Dimension;
        if (queries.Length % dimension != 0)
        {
            throw new ArgumentException($"The {queries.Length} query values do not split into vectors of {dimension}; pass whole vectors.", nameof(queries));
        }

        var queryCount = queries.Length / dimension;
        var prepared = new float[queries.Length];
        for (var q = 0; q < queryCount; q++)
        {
            PrepareQuery(queries.Slice(q * dimension, dimension)).CopyTo(prepared, q * dimension);
        }

        var tileRows = Math.Max(4, (TileBytes / (dimension * sizeof(float))) & ~3);
        var heaps = ParallelScan.Run(Vectors.Count, queryCount, k, MaxDegreeOfParallelism, (start, end, heaps) =>
        {
            var scores = new float[queryCount * tileRows];
            fixed (float* q = prepared)
            fixed (float* s = scores)
            {
                for (var tile = start; tile < end; tile += tileRows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(tileRows, end - tile);
                    BatchDotKernels.Score(Vectors.Pointer + ((long)tile * dimension), count, q, queryCount, dimension, s);
                    for (var query = 0; query < queryCount; query++)
                    {
                        var queryScores = new Span<float>(s + ((long)query * count), count);
                        ApplyNorms(tile, queryScores);
                        heaps[query].AddAscending(queryScores, tile, ExcludedRows.None);
                    }
                }
            }
        }, cancellationToken);
        return Array.ConvertAll(heaps, heap => heap.ToSortedArray());
    }

    /// <summary>Writes the score of every row against <paramref name="query"/> to <paramref name="scores"/>, in row order.</summary>
    public void ScoreAll(ReadOnlySpan<float> query, Span<float> scores)
    {
        if (scores.Length < Vectors.Count)
        {
            throw new ArgumentException($"The destination holds {scores.Length} scores; the matrix has {Vectors.Count} rows.", nameof(scores));
        }

        var prepared = PrepareQuery(query);
        fixed (float* q = prepared)
        fixed (float* s = scores)
        {
            ScoreBlock(0, Vectors.Count, q, s);
        }
    }

    /// <summary>Checks a query and returns the copy the kernels read: unit-normalized for cosine.</summary>
    internal float[] PrepareQuery(ReadOnlySpan<float> query)
    {
        if (query.Length != Vectors.Dimension)
        {
            throw new ArgumentException($"The query has {query.Length} values; the rows have {Vectors.Dimension}. Embed the query with the rows' model.", nameof(query));
        }

        var prepared = query.ToArray();
        var norm = Metric == SimilarityMetric.Cosine ? VectorMath.Normalize(prepared) : TensorPrimitives.Norm(query);
        if (!float.IsFinite(norm))
        {
            throw new ArgumentException("The query holds NaN or infinity; check the embedding model's output.", nameof(query));
        }

        return prepared;
    }

    /// <summary>The exact score of one row, equal to what a scan gives it.</summary>
    internal float ScoreRow(int row, float* query)
    {
        var score = DotKernels.Dot(Vectors.Pointer + ((long)row * Vectors.Dimension), query, Vectors.Dimension);
        return _inverseNorms is null ? score : score * _inverseNorms[row];
    }

    private void ScoreBlock(int start, int count, float* query, float* scores)
    {
        DotKernels.Score(Vectors.Pointer + ((long)start * Vectors.Dimension), count, Vectors.Dimension, query, scores);
        ApplyNorms(start, new Span<float>(scores, count));
    }

    /// <summary>Turns dot products of rows <paramref name="start"/>… into cosines when the metric asks for it.</summary>
    internal void ApplyNorms(int start, Span<float> scores)
    {
        if (_inverseNorms is not null)
        {
            TensorPrimitives.Multiply(scores, _inverseNorms.AsSpan(start, scores.Length), scores);
        }
    }
}


namespace LlmErs.Vectors;

/// <summary>
/// Top-k search that scans an 8-bit copy of the rows (a quarter of the memory traffic; a 4-bit copy, an eighth) to
/// shortlist candidates, then re-ranks the shortlist with exact float32 scores.
/// </summary>
/// <remarks>
/// Returned scores are exact, and equal those of <see cref="VectorSearcher"/>; only a true top-k row that the 8-bit scan
/// ranks below the shortlist can be missed. Searching is thread-safe; the matrix must outlive the searcher.
/// </remarks>
public sealed unsafe class QuantizedVectorSearcher : IDisposable
{
    private const int BlockRows = 512;

    private readonly VectorSearcher _exact;
    private readonly int _rerankCandidates;

    /// <summary>Quantizes <paramref name="vectors"/> (one pass) and prepares to search them.</summary>
    public QuantizedVectorSearcher(VectorMatrix vectors, QuantizedSearchOptions? options = null)
    {
        options ??= new QuantizedSearchOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RerankCandidates, 1, nameof(options));
        _exact = new VectorSearcher(vectors, options);
        _rerankCandidates = options.RerankCandidates;
        Quantized = QuantizedVectors.Create(vectors, options.Scale, options.BitsPerValue);
    }

    /// <summary>The 8-bit (or 4-bit) copy of the rows.</summary>
    public QuantizedVectors Quantized { get; }

    /// <summary>The <paramref name="k"/> rows most similar to <paramref name="query"/>, best first, with exact scores.</summary>
    /// <param name="query">A vector of <see cref="VectorMatrix.Dimension"/> finite values.</param>
    /// <param name="k">How many rows to return.</param>
    /// <param name="excludedRows">Rows never to return.</param>
    public ScoredRow[] Search(ReadOnlySpan<float> query, int k, IReadOnlySet<int>? excludedRows = null) =>
        Search(query, k, ExcludedRows.Of(excludedRows));

    /// <summary>The <paramref name="k"/> rows most similar to <paramref name="query"/>, best first, <paramref name="excluded"/> left out.</summary>
    internal ScoredRow[] Search(ReadOnlySpan<float> query, int k, ExcludedRows excluded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var prepared = _exact.PrepareQuery(query);
        var codes = new sbyte[Quantized.QueryLength];
        var quantizedQuery = Quantized.QuantizeQuery(prepared, codes);
        var shortlist = ParallelScan.Run(Quantized.Count, 1, Math.Max(k, _rerankCandidates), _exact.MaxDegreeOfParallelism, (start, end, heaps) =>
        {
            var dots = stackalloc int[BlockRows];
            var scores = stackalloc float[BlockRows];
            fixed (sbyte* q = codes)
            {
                for (var block = start; block < end; block += BlockRows)
                {
                    var count = Math.Min(BlockRows, end - block);
                    Quantized.Score(block, count, q, dots);
                    var blockScores = new Span<float>(scores, count);
                    Quantized.ToScores(new ReadOnlySpan<int>(dots, count), block, quantizedQuery, blockScores);
                    _exact.ApplyNorms(block, blockScores);
                    heaps[0].AddAscending(blockScores, block, excluded);
                }
            }
        }, CancellationToken.None)[0].ToSortedArray();

        var result = new TopKHeap(k);
        fixed (float* q = prepared)
        {
            foreach (var candidate in shortlist)
            {
                result.Add(candidate.Row, _exact.ScoreRow(candidate.Row, q));
            }
        }

        return result.ToSortedArray();
    }

    /// <inheritdoc/>
    public void Dispose() => Quantized.Dispose();
}

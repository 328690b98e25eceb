namespace LlmErs.Vectors;

/// <summary>Options for <see cref="VectorSearcher"/>.</summary>
public class VectorSearchOptions
{
    /// <summary>How queries and rows are compared. Default <see cref="SimilarityMetric.Cosine"/>, as for <see cref="RecommenderIndexOptions"/>.</summary>
    public SimilarityMetric Metric { get; set; } = SimilarityMetric.Cosine;

    /// <summary>
    /// Whether every row has unit L2 norm, as <see cref="VectorStore.IsNormalized"/> records. Cosine is then the dot
    /// product with the normalized query, and the searcher neither computes nor applies per-row norms. Set it only for
    /// rows that are unit-norm, or cosine scores come out scaled by each row's norm. Default <see langword="false"/>.
    /// </summary>
    public bool RowsAreNormalized { get; set; }

    /// <summary>
    /// How many threads one search may use; each scans a contiguous slice of the rows. Default 1, which is best for
    /// serving many concurrent requests; raise it to cut the latency of single large searches.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;
}

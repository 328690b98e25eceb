namespace LlmErs.Vectors;

/// <summary>Options for <see cref="VectorSearcher"/>.</summary>
public class VectorSearchOptions
{
    /// <summary>How queries and rows are compared. Default <see cref="SimilarityMetric.DotProduct"/>.</summary>
    public SimilarityMetric Metric { get; set; } = SimilarityMetric.DotProduct;

    /// <summary>
    /// How many threads one search may use; each scans a contiguous slice of the rows. Default 1, which is best for
    /// serving many concurrent requests; raise it to cut the latency of single large searches.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;
}

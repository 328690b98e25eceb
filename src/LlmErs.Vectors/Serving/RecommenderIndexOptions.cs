
namespace LlmErs.Vectors;

/// <summary>Options for <see cref="RecommenderIndex"/>.</summary>
public sealed class RecommenderIndexOptions
{
    /// <summary>How users and items are compared. Default <see cref="SimilarityMetric.Cosine"/>.</summary>
    public SimilarityMetric Metric { get; set; } = SimilarityMetric.Cosine;

    /// <summary>
    /// Whether to shortlist candidates with an 8-bit scan before exact re-ranking: about three times faster on large
    /// catalogs, at a small risk of missing a top item. Default <see langword="false"/> (exact).
    /// </summary>
    public bool UseQuantizedScan { get; set; }

    /// <summary>With <see cref="UseQuantizedScan"/>, the bits of each code: 8 (default) or 4 (see <see cref="QuantizedSearchOptions.BitsPerValue"/>).</summary>
    public int BitsPerValue { get; set; } = 8;

    /// <summary>With <see cref="UseQuantizedScan"/>, how many candidates are re-ranked exactly. Default 100.</summary>
    public int RerankCandidates { get; set; } = 100;

    /// <summary>How many threads one request may use. Default 1, best when many requests run at once.</summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>How <see cref="RecommenderIndex.Open"/> opens the store file (checksum, expected model id).</summary>
    public VectorStoreOpenOptions Store { get; set; } = new();
}

namespace LlmErs.Vectors;

/// <summary>How well a codebook fits a set of items.</summary>
/// <param name="ItemCount">The number of items encoded.</param>
/// <param name="CollisionRate">
/// The share of items whose code tuple an earlier item already had, before de-duplication: the items that needed a
/// de-duplication code.
/// </param>
/// <param name="MaxDeduplicationCode">The largest de-duplication code given out; 0 when no tuple collided.</param>
/// <param name="Levels">Per-level utilization, perplexity and dead codes.</param>
/// <param name="MeanSquaredError">Mean of <c>‖x − decode(codes(x))‖²</c> over the items, in the input space.</param>
/// <param name="RelativeError">Σ‖x − x̂‖² / Σ‖x‖²: the share of the vectors' energy the codes do not capture.</param>
public sealed record SemanticIdQualityReport(
    int ItemCount,
    double CollisionRate,
    int MaxDeduplicationCode,
    IReadOnlyList<SemanticIdLevelQuality> Levels,
    double MeanSquaredError,
    double RelativeError);

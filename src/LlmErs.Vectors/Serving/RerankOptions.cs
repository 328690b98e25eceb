namespace LlmErs.Vectors;

/// <summary>How a <see cref="ServingModel"/> request re-ranks: with which rule, over how many retrieved candidates.</summary>
public sealed class RerankOptions
{
    /// <summary>The rule that rescores the candidates.</summary>
    public required IReranker Reranker { get; init; }

    /// <summary>
    /// How many items the first stage retrieves by the model's vectors, at least the request's count: the reranker sees
    /// these and nothing else, so its cost is bounded whatever the catalog's size. Default 100.
    /// </summary>
    public int CandidateCount { get; init; } = 100;
}

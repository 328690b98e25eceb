namespace LlmErs.Vectors;

/// <summary>
/// The second stage of serving: rescores the few candidates the model's vectors retrieved, with a rule too costly or
/// too specific to run over the whole catalog (a generated <c>[Scorer]</c>, a business rule, a freshness boost).
/// </summary>
/// <remarks>
/// <see cref="ServingModel"/> orders the candidates by the new scores, higher first, equal scores keeping the retrieval
/// order. A reranker shared between requests must be safe for concurrent calls; one made per request need not be.
/// </remarks>
public interface IReranker
{
    /// <summary>Writes the new score of <c>candidates[j]</c>, whose <see cref="Recommendation.Score"/> is the retrieval score, to <c>scores[j]</c>.</summary>
    /// <param name="candidates">The retrieved items, best first.</param>
    /// <param name="scores">The destination, as long as <paramref name="candidates"/>.</param>
    void Score(ReadOnlySpan<Recommendation> candidates, Span<float> scores);
}

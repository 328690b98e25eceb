namespace LlmErs.Vectors;

/// <summary>
/// Adapts a typed scorer — such as a generated <c>[Scorer]</c> method, <c>static float Score(Viewer viewer, Movie movie)</c>
/// — to an <see cref="IReranker"/>: a scorer takes the request's query object and item objects, while serving has item
/// ids, so each candidate's item is looked up by id. The new score is
/// <c><see cref="RetrievalWeight"/> × retrieval score + scorer(query, item)</c>.
/// </summary>
/// <typeparam name="TQuery">The query type the scorer takes (e.g. the viewer).</typeparam>
/// <typeparam name="TItem">The item type the scorer takes (e.g. the movie).</typeparam>
/// <param name="query">The request's query object, scored against every candidate.</param>
/// <param name="scorer">The scorer, e.g. <c>MovieScoring.Score</c>.</param>
/// <param name="itemLookup">The item object of an id; it throws (e.g. <see cref="KeyNotFoundException"/>) for an id it does not know.</param>
public sealed class ScorerReranker<TQuery, TItem>(TQuery query, Func<TQuery, TItem, float> scorer, Func<string, TItem> itemLookup) : IReranker
{
    private readonly Func<TQuery, TItem, float> _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
    private readonly Func<string, TItem> _itemLookup = itemLookup ?? throw new ArgumentNullException(nameof(itemLookup));

    /// <summary>
    /// The weight of the retrieval score in the new score. Default 1: the scorer adjusts the model's ranking; 0 lets the
    /// scorer alone order the candidates.
    /// </summary>
    public float RetrievalWeight { get; init; } = 1f;

    /// <inheritdoc/>
    public void Score(ReadOnlySpan<Recommendation> candidates, Span<float> scores)
    {
        for (var j = 0; j < candidates.Length; j++)
        {
            scores[j] = (RetrievalWeight * candidates[j].Score) + _scorer(query, _itemLookup(candidates[j].ItemId));
        }
    }
}

namespace LlmErs.Local;

/// <summary>
/// How similar a prompt is to each relation's entities, by their names (<see cref="TripleRelation.Names"/>): the prompt is
/// embedded once, each relation's similarities computed when first asked for. The request's item
/// (<see cref="AnswerConstraints.Head"/>) is never a candidate tail of a catalog relation.
/// </summary>
internal sealed class RelationScores
{
    private readonly EntityIndex _index;
    private readonly ReadOnlyMemory<float> _query;
    private readonly string? _head;
    private readonly Dictionary<TripleRelation, float[]> _scores = [];

    private RelationScores(EntityIndex index, ReadOnlyMemory<float> query, string? head)
    {
        _index = index;
        _query = query;
        _head = head;
    }

    public static async Task<RelationScores> CreateAsync(EntityIndex index, string prompt, string? head, CancellationToken cancellationToken) =>
        new(index, await index.EmbedAsync(prompt, cancellationToken).ConfigureAwait(false), head);

    /// <summary>The similarity of each of <paramref name="relation"/>'s entities, at their positions.</summary>
    public async Task<float[]> OfAsync(TripleRelation relation, CancellationToken cancellationToken)
    {
        if (!_scores.TryGetValue(relation, out var scores))
        {
            _scores[relation] = scores = await _index.SimilaritiesAsync(relation.Names, _query, cancellationToken).ConfigureAwait(false);
        }

        return scores;
    }

    /// <summary>Whether the entity at <paramref name="position"/> may be a tail: anything but the item itself.</summary>
    public bool IsCandidate(TripleRelation relation, int position) =>
        !(relation.IsCatalog && _head is not null && string.Equals(relation.Entities[position], _head, StringComparison.OrdinalIgnoreCase));

    /// <summary>The position of the relation's most similar candidate (the first of equals); -1 when there is none.</summary>
    public int Best(TripleRelation relation, float[] scores)
    {
        var best = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (IsCandidate(relation, i) && (best < 0 || scores[i] > scores[best]))
            {
                best = i;
            }
        }

        return best;
    }
}

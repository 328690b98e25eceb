namespace LlmErs;

/// <summary>
/// One knowledge-graph triple whose head is the item that holds it: <c>(item, <see cref="Relation"/>, <see cref="Tail"/>)</c>.
/// </summary>
/// <param name="Relation">The relation, one of the field's declared relations.</param>
/// <param name="Tail">The tail entity, in the relation's vocabulary spelling.</param>
/// <param name="Status">What the model did with it; <see cref="TripleStatus.Added"/> for a triple given by hand.</param>
/// <param name="Reason">The model's reason for a verdict (correction fields); <see langword="null"/> for completions.</param>
public sealed record KgTriple(string Relation, string Tail, TripleStatus Status = TripleStatus.Added, string? Reason = null)
{
    /// <summary>Whether the triple holds after the model's check: every status but <see cref="TripleStatus.Dropped"/>.</summary>
    public bool Holds => Status != TripleStatus.Dropped;

    /// <summary>The triple's feature label, <c>relation=tail</c>, as feature files and entity blocks name it.</summary>
    public string Label => Relation + "=" + Tail;

    /// <summary>The <see cref="Label"/>s of the triples that hold (not dropped), in order: a triples field's feature column.</summary>
    public static IReadOnlyList<string> LabelsOf(IReadOnlyList<KgTriple>? triples) =>
        triples is null ? [] : triples.Where(t => t.Holds).Select(t => t.Label).ToList();
}

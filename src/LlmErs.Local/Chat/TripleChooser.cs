namespace LlmErs.Local;

/// <summary>
/// Answers a triples completion zero-shot: every relation's entities are ranked by embedding similarity to the prompt in
/// one embedding call, and each relation takes its best entity and those within the margin of it, the closest triples
/// first, up to the field's maximum.
/// </summary>
internal sealed class TripleChooser(LabelRanker ranker, float margin)
{
    public async Task<List<KgTriple>> ChooseAsync(AnswerConstraints constraints, string prompt, CancellationToken cancellationToken)
    {
        var entities = constraints.Relations.SelectMany(r => r.Entities).Distinct(StringComparer.Ordinal).ToList();
        var ranked = await ranker.RankAsync(prompt, entities, cancellationToken).ConfigureAwait(false);
        var similarity = ranked.ToDictionary(r => r.Label, r => r.Similarity, StringComparer.Ordinal);

        var chosen = new List<(KgTriple Triple, float Similarity)>();
        foreach (var relation in constraints.Relations)
        {
            var best = relation.Entities.Max(e => similarity[e]);
            chosen.AddRange(relation.Entities
                .Where(e => similarity[e] >= best - margin)
                .Select(e => (new KgTriple(relation.Name, e), similarity[e])));
        }

        // Every relation's best triple comes before any runner-up, so a small maximum still covers the relations.
        var firsts = constraints.Relations.Select(r => chosen.Where(c => c.Triple.Relation == r.Name).MaxBy(c => c.Similarity)).ToList();
        return firsts.OrderByDescending(c => c.Similarity)
            .Concat(chosen.Except(firsts).OrderByDescending(c => c.Similarity))
            .Take(constraints.MaxCount)
            .Select(c => c.Triple)
            .ToList();
    }
}

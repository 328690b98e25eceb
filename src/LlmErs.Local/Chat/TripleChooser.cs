namespace LlmErs.Local;

/// <summary>
/// Answers a triples completion zero-shot: every relation's entities are scored by embedding similarity to the prompt
/// (a catalog relation's by its items' names, leaving out the item itself), and each relation takes its best entity and
/// those within the margin of it, the closest triples first, up to the field's maximum.
/// </summary>
internal sealed class TripleChooser(EntityIndex index, float margin)
{
    public async Task<List<KgTriple>> ChooseAsync(AnswerConstraints constraints, string prompt, CancellationToken cancellationToken)
    {
        var scores = await RelationScores.CreateAsync(index, prompt, constraints.Head, cancellationToken).ConfigureAwait(false);
        var firsts = new List<(KgTriple Triple, float Similarity)>();
        var others = new List<(KgTriple Triple, float Similarity)>();
        foreach (var relation in constraints.Relations)
        {
            var similarity = await scores.OfAsync(relation, cancellationToken).ConfigureAwait(false);
            var best = scores.Best(relation, similarity);
            if (best < 0)
            {
                continue;
            }

            firsts.Add((new KgTriple(relation.Name, relation.Entities[best]), similarity[best]));
            for (var i = 0; i < similarity.Length; i++)
            {
                if (i != best && scores.IsCandidate(relation, i) && similarity[i] >= similarity[best] - margin)
                {
                    others.Add((new KgTriple(relation.Name, relation.Entities[i]), similarity[i]));
                }
            }
        }

        // Every relation's best triple comes before any runner-up, so a small maximum still covers the relations.
        return firsts.OrderByDescending(c => c.Similarity)
            .Concat(others.OrderByDescending(c => c.Similarity))
            .Take(constraints.MaxCount)
            .Select(c => c.Triple)
            .ToList();
    }
}

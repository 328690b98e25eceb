using System.Globalization;

namespace LlmErs.Local;

/// <summary>
/// Answers a triples correction (<see cref="AnswerKind.TripleVerdicts"/>) without a model's knowledge, by the similarity
/// the completion chooses with: for each given triple (<see cref="AnswerConstraints.Given"/>), in order, it drops the
/// triple when its relation is not declared or its tail is no entity of the relation (or is the item itself); fixes it to
/// the relation's most similar entity when that one is closer to the prompt than the given tail by at least
/// <paramref name="margin"/>; and keeps it otherwise. Every verdict's reason states its basis and numbers.
/// </summary>
internal sealed class TripleJudge(EntityIndex index, float margin)
{
    public async Task<List<KgTriple>> JudgeAsync(AnswerConstraints constraints, string prompt, CancellationToken cancellationToken)
    {
        var scores = await RelationScores.CreateAsync(index, prompt, constraints.Head, cancellationToken).ConfigureAwait(false);
        var verdicts = new List<KgTriple>(constraints.Given.Count);
        foreach (var given in constraints.Given)
        {
            var relation = constraints.Relations.FirstOrDefault(r => string.Equals(r.Name, given.Relation.Trim(), StringComparison.OrdinalIgnoreCase));
            var position = relation is null ? -1 : PositionOf(relation, given.Tail);
            if (relation is null)
            {
                verdicts.Add(Drop(given, $"\"{given.Relation}\" is not a relation of this field"));
            }
            else if (position < 0)
            {
                verdicts.Add(Drop(given, $"\"{given.Tail}\" is not an entity of \"{relation.Name}\""));
            }
            else if (!scores.IsCandidate(relation, position))
            {
                verdicts.Add(Drop(given, $"\"{given.Tail}\" is the item itself"));
            }
            else
            {
                var similarity = await scores.OfAsync(relation, cancellationToken).ConfigureAwait(false);
                var best = scores.Best(relation, similarity);
                var gap = similarity[best] - similarity[position];
                verdicts.Add(best != position && gap >= margin
                    ? new KgTriple(relation.Name, relation.Entities[best], TripleStatus.Fixed,
                        $"offline: \"{relation.Names[best]}\" is closer to the prompt ({Number(similarity[best])}) than \"{relation.Names[position]}\" ({Number(similarity[position])}) by {Number(gap)}, at least the margin {Number(margin)}")
                    : given with
                    {
                        Status = TripleStatus.Kept,
                        Reason = best == position
                            ? $"offline: tail similarity {Number(similarity[position])} is the relation's highest"
                            : $"offline: tail similarity {Number(similarity[position])} is within the margin {Number(margin)} of the highest ({Number(similarity[best])}, \"{relation.Names[best]}\")",
                    });
            }
        }

        return verdicts;
    }

    /// <summary>The position of the entity <paramref name="tail"/> names: a vocabulary entry, or a catalog item by key or name.</summary>
    private static int PositionOf(TripleRelation relation, string tail)
    {
        var trimmed = tail.Trim();
        var key = relation.Items?.KeyOf(trimmed) ?? trimmed;
        for (var i = 0; i < relation.Entities.Count; i++)
        {
            if (string.Equals(relation.Entities[i], key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static KgTriple Drop(KgTriple given, string why) => given with { Status = TripleStatus.Dropped, Reason = "offline: " + why };

    private static string Number(float value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

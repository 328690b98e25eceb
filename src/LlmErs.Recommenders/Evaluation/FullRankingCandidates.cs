
namespace LlmErs.Recommenders;

/// <summary>
/// Full ranking: every item is a candidate except the user's masked history, optionally restricted to a set of
/// items. Relevant items are always candidates, even when also in the history.
/// </summary>
internal sealed class FullRankingCandidates(int[] itemTieKeys, UserItemMatrix masked, bool[]? allowed, string description) : ICandidateSource
{
    public string Description { get; } = description;

    public ReadOnlySpan<float> Score(IItemScorer scorer, int user, ReadOnlySpan<int> relevant, Span<int> relevantPositions, EvaluationWorkspace workspace, out ReadOnlySpan<int> tieKeys)
    {
        var itemCount = itemTieKeys.Length;
        var all = workspace.AllScores(itemCount);
        scorer.ScoreItems(user, all);
        var scores = workspace.CandidateScores(itemCount);
        var keys = workspace.CandidateTieKeys(itemCount);
        var mask = masked.ItemsOf(user);
        int count = 0, nextRelevant = 0, nextMasked = 0;
        for (var item = 0; item < itemCount; item++)
        {
            if (nextRelevant < relevant.Length && relevant[nextRelevant] == item)
            {
                relevantPositions[nextRelevant++] = count;
            }
            else
            {
                while (nextMasked < mask.Length && mask[nextMasked] < item)
                {
                    nextMasked++;
                }

                if ((nextMasked < mask.Length && mask[nextMasked] == item) || (allowed is not null && !allowed[item]))
                {
                    continue;
                }
            }

            scores[count] = all[item];
            keys[count++] = itemTieKeys[item];
        }

        tieKeys = keys[..count];
        return scores[..count];
    }
}

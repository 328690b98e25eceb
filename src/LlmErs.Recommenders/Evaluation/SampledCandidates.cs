namespace LlmErs.Recommenders;

/// <summary>Sampled ranking: a user's relevant items and their fixed sampled negatives.</summary>
internal sealed class SampledCandidates(int[] itemTieKeys, SampledNegatives negatives, string description) : ICandidateSource
{
    public string Description { get; } = description;

    public ReadOnlySpan<float> Score(IItemScorer scorer, int user, ReadOnlySpan<int> relevant, Span<int> relevantPositions, EvaluationWorkspace workspace, out ReadOnlySpan<int> tieKeys)
    {
        var sampled = negatives.Of(user);
        var count = relevant.Length + sampled.Length;
        var items = workspace.CandidateItems(count);
        var keys = workspace.CandidateTieKeys(count);

        // Merge the two ascending, disjoint lists.
        int r = 0, s = 0;
        for (var position = 0; position < count; position++)
        {
            if (s == sampled.Length || (r < relevant.Length && relevant[r] < sampled[s]))
            {
                relevantPositions[r] = position;
                items[position] = relevant[r++];
            }
            else
            {
                items[position] = sampled[s++];
            }

            keys[position] = itemTieKeys[items[position]];
        }

        var scores = workspace.CandidateScores(count);
        scorer.ScoreItems(user, items, scores);
        tieKeys = keys;
        return scores;
    }
}

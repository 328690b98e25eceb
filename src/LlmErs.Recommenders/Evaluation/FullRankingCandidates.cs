
namespace LlmErs.Recommenders;

/// <summary>
/// Full ranking: every item is a candidate except the user's masked history, optionally restricted to a set of
/// items (ascending item indices). Relevant items are always candidates, even when also in the history.
/// </summary>
/// <remarks>
/// Without a restriction every item is scored and the runs between excluded items are copied whole; with one, only
/// the candidates are scored (<see cref="IItemScorer.ScoreItems(int, ReadOnlySpan{int}, Span{float})"/>, which gives
/// the scores of the all-items overload): early stopping ranks a cold-item split's few withheld items after every epoch.
/// </remarks>
internal sealed class FullRankingCandidates(int[] itemTieKeys, UserItemMatrix masked, int[]? allowed, string description) : ICandidateSource
{
    public string Description { get; } = description;

    public ReadOnlySpan<float> Score(IItemScorer scorer, int user, ReadOnlySpan<int> relevant, Span<int> relevantPositions, EvaluationWorkspace workspace, out ReadOnlySpan<int> tieKeys)
    {
        return allowed is null
            ? ScoreAll(scorer, user, relevant, relevantPositions, workspace, out tieKeys)
            : ScoreAllowed(scorer, user, relevant, relevantPositions, workspace, out tieKeys);
    }

    private ReadOnlySpan<float> ScoreAll(IItemScorer scorer, int user, ReadOnlySpan<int> relevant, Span<int> relevantPositions, EvaluationWorkspace workspace, out ReadOnlySpan<int> tieKeys)
    {
        var itemCount = itemTieKeys.Length;
        var all = workspace.AllScores(itemCount);
        scorer.ScoreItems(user, all);
        var scores = workspace.CandidateScores(itemCount);
        var keys = workspace.CandidateTieKeys(itemCount);
        int count = 0, start = 0, nextRelevant = 0;
        foreach (var item in masked.ItemsOf(user))
        {
            while (nextRelevant < relevant.Length && relevant[nextRelevant] < item)
            {
                relevantPositions[nextRelevant] = count + (relevant[nextRelevant] - start);
                nextRelevant++;
            }

            if (nextRelevant < relevant.Length && relevant[nextRelevant] == item)
            {
                continue;
            }

            count = CopyRun(all, start, item, scores, keys, count);
            start = item + 1;
        }

        for (; nextRelevant < relevant.Length; nextRelevant++)
        {
            relevantPositions[nextRelevant] = count + (relevant[nextRelevant] - start);
        }

        count = CopyRun(all, start, itemCount, scores, keys, count);
        tieKeys = keys[..count];
        return scores[..count];
    }

    /// <summary>Copies the scores and tie keys of the items in [<paramref name="start"/>, <paramref name="end"/>) to the candidates from <paramref name="count"/>; returns the new count.</summary>
    private int CopyRun(ReadOnlySpan<float> all, int start, int end, Span<float> scores, Span<int> keys, int count)
    {
        var length = end - start;
        all.Slice(start, length).CopyTo(scores[count..]);
        itemTieKeys.AsSpan(start, length).CopyTo(keys[count..]);
        return count + length;
    }

    private ReadOnlySpan<float> ScoreAllowed(IItemScorer scorer, int user, ReadOnlySpan<int> relevant, Span<int> relevantPositions, EvaluationWorkspace workspace, out ReadOnlySpan<int> tieKeys)
    {
        // Merges the allowed items with the relevant ones (both ascending), leaving out the allowed items masked.
        var allowedItems = allowed!;
        var items = workspace.CandidateItems(allowedItems.Length + relevant.Length);
        var keys = workspace.CandidateTieKeys(items.Length);
        var mask = masked.ItemsOf(user);
        int count = 0, nextAllowed = 0, nextRelevant = 0, nextMasked = 0;
        while (nextAllowed < allowedItems.Length || nextRelevant < relevant.Length)
        {
            int item;
            if (nextRelevant < relevant.Length && (nextAllowed == allowedItems.Length || relevant[nextRelevant] <= allowedItems[nextAllowed]))
            {
                item = relevant[nextRelevant];
                if (nextAllowed < allowedItems.Length && allowedItems[nextAllowed] == item)
                {
                    nextAllowed++;
                }

                relevantPositions[nextRelevant++] = count;
            }
            else
            {
                item = allowedItems[nextAllowed++];
                while (nextMasked < mask.Length && mask[nextMasked] < item)
                {
                    nextMasked++;
                }

                if (nextMasked < mask.Length && mask[nextMasked] == item)
                {
                    continue;
                }
            }

            items[count] = item;
            keys[count++] = itemTieKeys[item];
        }

        var scores = workspace.CandidateScores(count);
        scorer.ScoreItems(user, items[..count], scores);
        tieKeys = keys[..count];
        return scores;
    }
}

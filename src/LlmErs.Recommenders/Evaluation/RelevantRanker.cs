using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LlmErs.Recommenders;

/// <summary>
/// Ranks a user's relevant items among their candidates without sorting the candidates: one pass counts, for every
/// relevant item, the candidates ranked above it and the negatives it beats.
/// </summary>
/// <remarks>
/// The ranking orders candidates by score, higher first, and equal scores by a tie key (a seeded random permutation
/// of the items, see <see cref="EvaluationOptions.TieBreakSeed"/>). Counting is O(n log R) for n candidates and R
/// relevant items, cheaper than a top-K heap (O(n log K)), and it yields every relevant item's exact rank, which MRR
/// and AUC need beyond any cut-off.
/// </remarks>
internal static class RelevantRanker
{
    /// <summary>Ranks the relevant candidates.</summary>
    /// <param name="scores">The candidates' scores.</param>
    /// <param name="tieKeys">The candidates' tie keys, distinct: of two equal scores, the lower key ranks first.</param>
    /// <param name="relevant">The candidate positions of the relevant items, ascending.</param>
    /// <param name="ranks">Receives each relevant item's 1-based rank among all candidates.</param>
    /// <param name="doubledWins">Receives, per relevant item, 2 × the non-relevant candidates it outscores + the ones it ties.</param>
    /// <param name="scratch">Working memory for this thread.</param>
    public static void Rank(ReadOnlySpan<float> scores, ReadOnlySpan<int> tieKeys, ReadOnlySpan<int> relevant, Span<int> ranks, Span<long> doubledWins, RankerScratch scratch)
    {
        if (relevant.Length == 1)
        {
            RankSingle(scores, tieKeys, relevant[0], out ranks[0], out doubledWins[0]);
            return;
        }

        var count = relevant.Length;
        var entries = scratch.Entries(count);
        for (var k = 0; k < count; k++)
        {
            entries[k] = new RankedRelevant(scores[relevant[k]], tieKeys[relevant[k]], k);
        }

        // Relevant items in ranking order: score descending, then tie key ascending.
        entries.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.TieKey.CompareTo(b.TieKey));
        var sortedScores = scratch.SortedScores(count);
        var sortedTieKeys = scratch.SortedTieKeys(count);
        for (var k = 0; k < count; k++)
        {
            sortedScores[k] = entries[k].Score;
            sortedTieKeys[k] = entries[k].TieKey;
        }

        // Suffix additions over the sorted relevant items: aboveAdds for "ranked above", winAdds for doubled wins.
        var aboveAdds = scratch.AboveAdds(count + 1);
        var winAdds = scratch.WinAdds(count + 1);
        var next = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            var score = scores[j];
            var isRelevant = next < count && relevant[next] == j;
            if (isRelevant)
            {
                next++;
            }

            if (float.IsNaN(score))
            {
                // NaN ranks below everything: above no relevant item, beaten by all.
                if (!isRelevant)
                {
                    winAdds[0] += 2;
                }

                continue;
            }

            aboveAdds[FirstRankedBelow(sortedScores, sortedTieKeys, score, tieKeys[j])]++;
            if (!isRelevant)
            {
                var firstNotAbove = FirstNotAbove(sortedScores, score);
                var firstBelow = FirstBelow(sortedScores, score, firstNotAbove);
                winAdds[0] += 2;
                winAdds[firstNotAbove]--;
                winAdds[firstBelow]--;
            }
        }

        long above = 0, wins = 0;
        for (var k = 0; k < count; k++)
        {
            above += aboveAdds[k];
            wins += winAdds[k];
            ranks[entries[k].Index] = (int)above + 1;
            doubledWins[entries[k].Index] = wins;
        }
    }

    /// <summary>
    /// One relevant item, leave-one-out's case, which early stopping ranks after every epoch: counts the higher and
    /// equal scores eight at a time, and reads tie keys only where a score equals the target's.
    /// </summary>
    private static void RankSingle(ReadOnlySpan<float> scores, ReadOnlySpan<int> tieKeys, int position, out int rank, out long doubledWins)
    {
        var target = scores[position];
        var targetKey = tieKeys[position];

        // Over every candidate, the target's own score included; NaN is neither higher nor equal.
        int higher = 0, equal = 0, tiedAhead = 0, j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var targets = Vector256.Create(target);
            ref var first = ref MemoryMarshal.GetReference(scores);
            for (; j <= scores.Length - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                var values = Vector256.LoadUnsafe(ref first, (nuint)j);
                higher += BitOperations.PopCount(Vector256.GreaterThan(values, targets).ExtractMostSignificantBits());
                for (var equalBits = Vector256.Equals(values, targets).ExtractMostSignificantBits(); equalBits != 0; equalBits &= equalBits - 1)
                {
                    equal++;
                    tiedAhead += tieKeys[j + BitOperations.TrailingZeroCount(equalBits)] < targetKey ? 1 : 0;
                }
            }
        }

        for (; j < scores.Length; j++)
        {
            if (scores[j] > target)
            {
                higher++;
            }
            else if (scores[j] == target)
            {
                equal++;
                tiedAhead += tieKeys[j] < targetKey ? 1 : 0;
            }
        }

        // A tie is an AUC half-win; a lower score or a NaN a whole one. The target's key is not below itself.
        var ties = float.IsNaN(target) ? 0 : equal - 1;
        rank = higher + tiedAhead + 1;
        doubledWins = (2L * (scores.Length - 1 - higher - ties)) + ties;
    }

    /// <summary>The first sorted relevant item that a candidate with <paramref name="score"/> and <paramref name="tieKey"/> ranks above.</summary>
    private static int FirstRankedBelow(ReadOnlySpan<float> sortedScores, ReadOnlySpan<int> sortedTieKeys, float score, int tieKey)
    {
        int lo = 0, hi = sortedScores.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (score > sortedScores[mid] || (score == sortedScores[mid] && tieKey < sortedTieKeys[mid]))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>The first sorted relevant item whose score is not above <paramref name="score"/>.</summary>
    private static int FirstNotAbove(ReadOnlySpan<float> sortedScores, float score)
    {
        int lo = 0, hi = sortedScores.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sortedScores[mid] <= score)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>The first sorted relevant item, from <paramref name="start"/>, whose score is below <paramref name="score"/>.</summary>
    private static int FirstBelow(ReadOnlySpan<float> sortedScores, float score, int start)
    {
        int lo = start, hi = sortedScores.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sortedScores[mid] < score)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}

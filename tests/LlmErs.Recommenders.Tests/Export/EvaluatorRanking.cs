namespace LlmErs.Recommenders.Tests.Export;

/// <summary>
/// The ranking the evaluator scores a user's items by, built with its own parts: the candidates of the full-ranking
/// protocol (every item but the masked ones), the tie keys of <see cref="RankingEvaluator"/> (a permutation seeded by
/// <see cref="EvaluationOptions.TieBreakSeed"/>) and <see cref="RelevantRanker"/>, which counts each candidate's rank
/// when every candidate is marked relevant.
/// </summary>
public static class EvaluatorRanking
{
    /// <summary>The user's <paramref name="count"/> first items as the evaluator ranks them: (item index, score).</summary>
    public static (int Item, float Score)[] Top(IItemScorer model, UserItemMatrix mask, int user, int count, int tieBreakSeed = 42)
    {
        var scores = new float[model.ItemCount];
        model.ScoreItems(user, scores);
        var itemTieKeys = SeededShuffle.Permutation(model.ItemCount, tieBreakSeed);
        var candidates = Enumerable.Range(0, model.ItemCount).Where(item => !mask.Contains(user, item)).ToArray();
        var candidateScores = candidates.Select(item => scores[item]).ToArray();
        var tieKeys = candidates.Select(item => itemTieKeys[item]).ToArray();
        var relevant = Enumerable.Range(0, candidates.Length).ToArray();
        var (ranks, wins) = (new int[candidates.Length], new long[candidates.Length]);

        RelevantRanker.Rank(candidateScores, tieKeys, relevant, ranks, wins, new RankerScratch());

        var byRank = new (int, float)[candidates.Length];
        for (var j = 0; j < candidates.Length; j++)
        {
            byRank[ranks[j] - 1] = (candidates[j], candidateScores[j]);
        }

        return byRank[..Math.Min(count, byRank.Length)];
    }
}

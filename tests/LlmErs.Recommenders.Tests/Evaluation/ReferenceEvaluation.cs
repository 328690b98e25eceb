using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Evaluation;

/// <summary>
/// A slow, obvious oracle: fully sorts each user's candidates (ties by the evaluator's tie keys) and applies the list formulas of
/// <see cref="RankingMetrics"/>, and pools labelled scores for <see cref="AreaUnderCurve"/>.
/// </summary>
public static class ReferenceEvaluation
{
    /// <summary>The overall value of every metric.</summary>
    /// <param name="candidatesOf">Each user's candidate items (relevant ones included).</param>
    public static Dictionary<Metric, double> Overall(IReadOnlyList<Metric> metrics, TableScorer scorer, UserItemMatrix relevant, Func<int, IEnumerable<int>> candidatesOf)
    {
        var tieKeys = SeededShuffle.Permutation(scorer.ItemCount, new EvaluationOptions().TieBreakSeed);
        var perUser = new Dictionary<Metric, List<double>>();
        var pooledScores = new List<float>();
        var pooledLabels = new List<bool>();
        var groups = new List<int>();
        for (var user = 0; user < relevant.UserCount; user++)
        {
            var items = relevant.ItemsOf(user).ToArray();
            if (items.Length == 0)
            {
                continue;
            }

            var candidates = candidatesOf(user).Union(items).ToArray();
            var ranked = candidates.OrderByDescending(i => scorer[user][i]).ThenBy(i => tieKeys[i]).ToArray();
            foreach (var metric in metrics.Where(m => !m.IsPairwise))
            {
                (perUser.TryGetValue(metric, out var list) ? list : perUser[metric] = []).Add(RankingMetrics.Compute(metric, ranked, items));
            }

            foreach (var item in candidates)
            {
                pooledScores.Add(scorer[user][item]);
                pooledLabels.Add(items.Contains(item));
                groups.Add(user);
            }
        }

        var result = perUser.ToDictionary(p => p.Key, p => p.Value.Average());
        result[Metric.Auc] = AreaUnderCurve.Compute([.. pooledScores], [.. pooledLabels]);
        result[Metric.Gauc] = AreaUnderCurve.Grouped([.. pooledScores], [.. pooledLabels], [.. groups]);
        return result;
    }
}

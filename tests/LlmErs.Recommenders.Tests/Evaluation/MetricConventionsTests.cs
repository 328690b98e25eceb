using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;

namespace LlmErs.Recommenders.Tests.Evaluation;

/// <summary>Graded NDCG, cut-offs beyond the list, whole-list metrics, generic ids and scores ranked as the evaluator ranks them.</summary>
public sealed class MetricConventionsTests
{
    private static readonly double Log3 = 1 / Math.Log2(3);

    // trec_eval and ranx conventions: ranked a b c d e; grades a 3, c 2, f 1 (never listed), e 0.
    private static readonly string[] Ranked = ["a", "b", "c", "d", "e"];
    private static readonly string[] Relevant = ["a", "c", "f", "e"];
    private static readonly double[] Grades = [3, 2, 1, 0];

    [Fact]
    public void GradedNdcg_MatchesTrecEvalAndRanxValues()
    {
        // Linear gain (trec_eval ndcg_cut, ranx ndcg): DCG@5 = 3 + 2/log2(4) = 4; IDCG@5 = 3 + 2/log2(3) + 1/log2(4).
        Assert.Equal(0.8400079830158563, RankingMetrics.Compute(Metric.Ndcg(5, RelevanceGain.Linear), Ranked, Relevant, Grades), 12);

        // Exponential gain (ranx ndcg_burges): gains 7, 3, 1, 0.
        Assert.Equal(0.9049495058460971, RankingMetrics.Compute(Metric.Ndcg(5, RelevanceGain.Exponential), Ranked, Relevant, Grades), 12);

        // At 2 only a is a hit; the ideal list holds the two best grades.
        Assert.Equal(3 / (3 + (2 * Log3)), RankingMetrics.Compute(Metric.Ndcg(2, RelevanceGain.Linear), Ranked, Relevant, Grades), 12);
        Assert.Equal(7 / (7 + (3 * Log3)), RankingMetrics.Compute(Metric.Ndcg(2, RelevanceGain.Exponential), Ranked, Relevant, Grades), 12);
    }

    [Fact]
    public void GradedNdcg_WithEqualGrades_IsBinaryNdcg_AndRejectsBadGrades()
    {
        var binary = RankingMetrics.Compute(Metric.Ndcg(4), Ranked, Relevant);
        Assert.Equal(binary, RankingMetrics.Compute(Metric.Ndcg(4, RelevanceGain.Linear), Ranked, Relevant, [2, 2, 2, 2]), 12);
        Assert.Equal(binary, RankingMetrics.Compute(Metric.Ndcg(4, RelevanceGain.Exponential), Ranked, Relevant, [1, 1, 1, 1]), 12);

        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute(Metric.Ndcg(4, RelevanceGain.Linear), Ranked, Relevant));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute(Metric.Ndcg(4, RelevanceGain.Linear), Ranked, Relevant, [1, -1, 1, 1]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute(Metric.Ndcg(4, RelevanceGain.Linear), Ranked, Relevant, [1, 1]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute(Metric.Ndcg(4, RelevanceGain.Linear), Ranked, ["a", "a"], [1, 2]));
        Assert.Equal("NDCG@10 (exponential gain)", Metric.Ndcg(10, RelevanceGain.Exponential).ToString());
        Assert.Equal("NDCG (linear gain)", Metric.Ndcg(RelevanceGain.Linear).ToString());
    }

    [Fact]
    public void ACutOffBeyondTheList_NeverCountsAMissingItem()
    {
        int[] ranked = [1, 2, 3];
        int[] relevant = [9];
        foreach (var metric in new[] { Metric.HitRate(int.MaxValue), Metric.Recall(int.MaxValue), Metric.Ndcg(int.MaxValue), Metric.Map(int.MaxValue), Metric.Precision(int.MaxValue), Metric.Mrr(int.MaxValue) })
        {
            Assert.Equal(0, RankingMetrics.Compute(metric, ranked, relevant));
        }

        foreach (var metric in new[] { Metric.HitRate(), Metric.Recall(), Metric.Ndcg(), Metric.Map(), Metric.Precision(), Metric.Mrr() })
        {
            Assert.Equal(0, RankingMetrics.Compute(metric, ranked, relevant));
        }
    }

    [Fact]
    public void WholeListMetrics_UseTheListLengthAsTheCutOff()
    {
        // Relevant {3, 7}: 3 at position 2 of 4; 7 is not listed.
        int[] ranked = [5, 3, 8, 1];
        int[] relevant = [3, 7];
        Assert.Equal(1, RankingMetrics.Compute(Metric.HitRate(), ranked, relevant));
        Assert.Equal(0.5, RankingMetrics.Compute(Metric.Recall(), ranked, relevant));
        Assert.Equal(1.0 / 4, RankingMetrics.Compute(Metric.Precision(), ranked, relevant));
        Assert.Equal(Log3 / (1 + Log3), RankingMetrics.Compute(Metric.Ndcg(), ranked, relevant), 12);
        Assert.Equal((1.0 / 2) / 2, RankingMetrics.Compute(Metric.Map(), ranked, relevant), 12);
        Assert.Equal("NDCG", Metric.Ndcg().ToString());
        Assert.Equal(0, RankingMetrics.Compute(Metric.Ndcg(), [], [1]));
        Assert.Equal(0, RankingMetrics.Compute(Metric.Precision(), [], [1]));
    }

    [Fact]
    public void StringIds_GiveTheSameValuesAsIndices()
    {
        foreach (var metric in new[] { Metric.Ndcg(3), Metric.Recall(2), Metric.Map(5), Metric.Mrr(), Metric.Precision() })
        {
            Assert.Equal(
                RankingMetrics.Compute(metric, [0, 1, 2, 3, 4], [0, 2, 5]),
                RankingMetrics.Compute(metric, Ranked, ["a", "c", "f"]),
                12);
        }
    }

    [Fact]
    public void FromScores_ReproducesTheEvaluatorPerUser_TiesAndGradesIncluded()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Random(users: 60, items: 40, perUser: 6, seed: 5));
        var scorer = TableScorer.RandomWithTies(split.UserCount, split.ItemCount, seed: 9);
        Metric[] metrics = [Metric.Ndcg(5), Metric.Ndcg(10, RelevanceGain.Exponential), Metric.Ndcg(RelevanceGain.Linear), Metric.Precision(), Metric.Map(3), Metric.Mrr(), Metric.HitRate(2)];
        var options = new EvaluationOptions { Metrics = metrics, Bootstrap = new BootstrapOptions { Resamples = 0 }, TieBreakSeed = 7 };

        var overall = new RankingEvaluator(options).EvaluateFullRanking(scorer, split).Overall;

        var masked = UserItemMatrix.Create(split.Train, split.Validation);
        var test = split.Test;
        foreach (var metric in metrics)
        {
            var values = new List<double>();
            for (var user = 0; user < split.UserCount; user++)
            {
                var rows = Enumerable.Range(0, test.Count).Where(row => test.Users[row] == user).ToArray();
                if (rows.Length == 0)
                {
                    continue;
                }

                int[] relevant = [.. rows.Select(row => test.Items[row])];
                double[] grades = [.. rows.Select(row => (double)test.Ratings[row])];
                values.Add(RankingMetrics.FromScores(metric, scorer[user], relevant, grades, masked.ItemsOf(user), tieBreakSeed: 7));
            }

            Assert.Equal(overall.UserCount, values.Count);
            Assert.Equal(values.Average(), overall[metric].Value, 12);
        }
    }

    [Fact]
    public void FromScores_BreaksTiesByTheSeededOrder_NotByIndex()
    {
        // All equal: the rank of item 0 follows the seeded permutation, so some seed must put it below first place.
        var scores = new float[50];
        var ranks = Enumerable.Range(0, 20).Select(seed => RankingMetrics.FromScores(Metric.Mrr(), scores, [0], tieBreakSeed: seed)).ToArray();
        Assert.Contains(ranks, value => value < 1);
        Assert.Equal(ranks[3], RankingMetrics.FromScores(Metric.Mrr(), scores, [0], tieBreakSeed: 3));
        Assert.Throws<ArgumentException>(() => RankingMetrics.FromScores(Metric.Mrr(), scores, [50]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.FromScores(Metric.Ndcg(5, RelevanceGain.Linear), scores, [1]));
    }

    [Fact]
    public void Evaluator_GradedNdcg_NeedsRatings()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Parse("u1 A 1", "u1 B 2", "u1 C 3", "u2 A 1", "u2 B 2", "u2 D 3"));
        var scorer = TableScorer.RandomWithTies(split.UserCount, split.ItemCount, seed: 1);
        var evaluator = new RankingEvaluator(new EvaluationOptions { Metrics = [Metric.Ndcg(10, RelevanceGain.Linear)] });

        var error = Assert.Throws<InvalidOperationException>(() => evaluator.EvaluateFullRanking(scorer, split));
        Assert.Contains("no ratings", error.Message, StringComparison.Ordinal);
    }
}

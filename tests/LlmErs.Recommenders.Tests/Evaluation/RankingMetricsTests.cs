using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private static readonly double Log3 = 1 / Math.Log2(3);
    private static readonly double Log5 = 1 / Math.Log2(5);
    private static readonly double Log6 = 1 / Math.Log2(6);

    // Relevant {3, 9, 7}: hits at positions 2 and 5; 7 is never listed.
    private static readonly int[] Ranked = [5, 3, 8, 1, 9];
    private static readonly int[] Relevant = [3, 9, 7];

    public static TheoryData<string, double> HandComputed => new()
    {
        { "HitRate@1", 0 },
        { "HitRate@2", 1 },
        { "Recall@2", 1.0 / 3 },
        { "Recall@5", 2.0 / 3 },
        { "Precision@5", 2.0 / 5 },
        { "Precision@10", 2.0 / 10 },                                    // K beyond the list still divides by K
        { "NDCG@2", Log3 / (1 + Log3) },                                 // ideal over min(2, 3) = 2 positions
        { "NDCG@5", (Log3 + Log6) / (1 + Log3 + 0.5) },                  // ideal over min(5, 3) = 3 positions
        { "MAP@5", ((1.0 / 2) + (2.0 / 5)) / 3 },
        { "MAP@2", (1.0 / 2) / 2 },                                      // normalized by min(2, 3)
        { "MAP@10", ((1.0 / 2) + (2.0 / 5)) / 3 },
        { "MRR", 1.0 / 2 },
        { "MRR@1", 0 },
    };

    [Theory]
    [MemberData(nameof(HandComputed))]
    public void ListMetrics_MatchHandComputedValues(string name, double expected)
    {
        Assert.Equal(expected, RankingMetrics.Compute(Parse(name), Ranked, Relevant), 12);
    }

    [Fact]
    public void KLargerThanTheList_IdealGainStillCoversTheRelevantItems()
    {
        // One of two relevant items listed first: DCG 1, ideal DCG over min(10, 2) = 2 positions.
        Assert.Equal(1 / (1 + Log3), RankingMetrics.Compute(Metric.Ndcg(10), [3], [3, 7]), 12);
        Assert.Equal(0.5, RankingMetrics.Compute(Metric.Recall(10), [3], [3, 7]), 12);
        Assert.Equal(0.5, RankingMetrics.Compute(Metric.Map(10), [3], [3, 7]), 12);
    }

    [Fact]
    public void Duplicates_CountOnce_ButStillTakePositions()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.Compute(Metric.Precision(3), [3, 3, 9], [3, 3]), 12);
        Assert.Equal(1, RankingMetrics.Compute(Metric.Recall(3), [3, 3, 9], [3, 3]), 12);
        Assert.Equal(1, RankingMetrics.Compute(Metric.Ndcg(3), [3, 3, 9], [3]), 12);

        // The copy of 3 at position 3 pushes 9 to position 4.
        Assert.Equal((Log3 + Log5) / (1 + Log3), RankingMetrics.Compute(Metric.Ndcg(4), [5, 3, 3, 9], [3, 9]), 12);
        Assert.Equal(((1.0 / 2) + (2.0 / 4)) / 2, RankingMetrics.Compute(Metric.Map(4), [5, 3, 3, 9], [3, 9]), 12);
    }

    [Fact]
    public void NoRelevantItems_IsUndefined_AndAnEmptyListScoresZero()
    {
        Assert.True(double.IsNaN(RankingMetrics.Compute(Metric.Ndcg(10), [1, 2], [])));
        Assert.True(double.IsNaN(RankingMetrics.Compute(Metric.Recall(10), [1, 2], [])));
        Assert.Equal(0, RankingMetrics.Compute(Metric.Ndcg(10), [], [1]));
        Assert.Equal(0, RankingMetrics.Compute(Metric.Mrr(), [], [1]));
    }

    [Fact]
    public void APerfectList_ScoresOne()
    {
        foreach (var metric in new[] { Metric.Ndcg(3), Metric.Recall(3), Metric.HitRate(1), Metric.Map(3), Metric.Mrr(), Metric.Precision(2) })
        {
            Assert.Equal(1, RankingMetrics.Compute(metric, [4, 2, 9], [2, 4]), 12);
        }
    }

    [Fact]
    public void PairwiseAndInvalidMetrics_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute(Metric.Auc, [1], [1]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Compute(default, [1], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Metric.Ndcg(0));
        Assert.Equal("NDCG@10", Metric.Ndcg(10).ToString());
        Assert.Equal("MRR", Metric.Mrr().ToString());
        Assert.Equal("GAUC", Metric.Gauc.ToString());
    }

    private static Metric Parse(string name)
    {
        var parts = name.Split('@');
        var k = parts.Length > 1 ? int.Parse(parts[1]) : 0;
        return parts[0] switch
        {
            "HitRate" => Metric.HitRate(k),
            "Recall" => Metric.Recall(k),
            "Precision" => Metric.Precision(k),
            "NDCG" => Metric.Ndcg(k),
            "MAP" => Metric.Map(k),
            "MRR" => Metric.Mrr(k),
            _ => throw new ArgumentException(name),
        };
    }
}

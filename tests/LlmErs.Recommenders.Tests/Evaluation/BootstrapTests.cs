using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class BootstrapTests
{
    [Fact]
    public void Intervals_ContainThePointEstimate_AndNarrowWithMoreUsers()
    {
        var few = Evaluate(users: 60, seed: 1);
        var many = Evaluate(users: 1_500, seed: 1);

        foreach (var result in new[] { few, many })
        {
            foreach (var metric in result.Metrics)
            {
                var estimate = result.Overall[metric];
                Assert.True(estimate.HasInterval, $"{metric} has no interval");
                Assert.InRange(estimate.Value, estimate.Lower, estimate.Upper);
            }
        }

        // Width shrinks like 1/√users: 25 times the users, about a fifth of the width.
        foreach (var metric in new[] { Metric.Ndcg(10), Metric.Recall(10), Metric.Auc, Metric.Gauc })
        {
            var narrow = Width(many.Overall[metric]);
            var wide = Width(few.Overall[metric]);
            Assert.True(narrow < wide / 2.5, $"{metric}: {narrow} is not well below {wide}");
        }
    }

    [Fact]
    public void Intervals_AreDeterministicForASeed_AndChangeWithIt()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Random(users: 100, items: 50, perUser: 8, seed: 2));
        var scorer = TableScorer.RandomWithTies(split.UserCount, split.ItemCount, seed: 3);
        EvaluationResult Run(int seed) =>
            new RankingEvaluator(new EvaluationOptions { Bootstrap = new BootstrapOptions { Resamples = 300, Seed = seed } }).EvaluateFullRanking(scorer, split);

        var first = Run(1);
        var again = Run(1);
        var other = Run(2);

        Assert.Equal(first.Overall[Metric.Ndcg(10)], again.Overall[Metric.Ndcg(10)]);
        Assert.Equal(first.Overall[Metric.Ndcg(10)].Value, other.Overall[Metric.Ndcg(10)].Value);
        Assert.NotEqual(first.Overall[Metric.Ndcg(10)].Lower, other.Overall[Metric.Ndcg(10)].Lower);
    }

    [Fact]
    public void NoResamples_GivesNoInterval()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Random(users: 30, items: 20, perUser: 5, seed: 4));

        var result = new RankingEvaluator(new EvaluationOptions { Bootstrap = new BootstrapOptions { Resamples = 0 } })
            .EvaluateFullRanking(PopularityRecommender.Fit(split.Train), split);

        Assert.False(result.Overall[Metric.Ndcg(10)].HasInterval);
        Assert.Equal("0.2500", new MetricEstimate(0.25, double.NaN, double.NaN).ToString());
        Assert.Equal("0.2500 [0.2000, 0.3000]", new MetricEstimate(0.25, 0.2, 0.3).ToString());
    }

    [Fact]
    public void Percentile_InterpolatesBetweenOrderStatistics()
    {
        double[] sorted = [1, 2, 3, 4, 5];
        Assert.Equal(1, UserBootstrap.Percentile(sorted, 0));
        Assert.Equal(3, UserBootstrap.Percentile(sorted, 0.5));
        Assert.Equal(4.6, UserBootstrap.Percentile(sorted, 0.9), 12);
        Assert.Equal(5, UserBootstrap.Percentile(sorted, 1));
    }

    [Fact]
    public void SeparatedIntervals_AreRecognized()
    {
        Assert.True(new MetricEstimate(0.5, 0.4, 0.6).IsSeparatedFrom(new MetricEstimate(0.2, 0.1, 0.3)));
        Assert.False(new MetricEstimate(0.5, 0.25, 0.6).IsSeparatedFrom(new MetricEstimate(0.2, 0.1, 0.3)));
        Assert.False(new MetricEstimate(0.5, double.NaN, double.NaN).IsSeparatedFrom(new MetricEstimate(0.2, 0.1, 0.3)));
    }

    private static EvaluationResult Evaluate(int users, int seed)
    {
        // A scorer that knows the truth up to noise, so the metrics sit well inside (0, 1).
        var split = LeaveOneOutSplitter.Split(Logs.Random(users, items: 100, perUser: 6, seed));
        var random = new Random(seed);
        var test = UserItemMatrix.Create(split.Test);
        var scores = Enumerable.Range(0, split.UserCount)
            .Select(user => Enumerable.Range(0, split.ItemCount).Select(item => (float)(random.NextDouble() + (test.Contains(user, item) ? 0.3 : 0))).ToArray())
            .ToArray();
        return new RankingEvaluator(new EvaluationOptions { Bootstrap = new BootstrapOptions { Resamples = 400 } })
            .EvaluateFullRanking(new TableScorer(scores), split);
    }

    private static double Width(MetricEstimate estimate) => estimate.Upper - estimate.Lower;
}

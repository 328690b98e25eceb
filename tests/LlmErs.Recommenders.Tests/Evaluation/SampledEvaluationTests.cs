using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class SampledEvaluationTests
{
    [Fact]
    public void Negatives_AreFixedForASeed_AndNeverKnownItems()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Random(users: 80, items: 300, perUser: 10, seed: 31));
        var known = UserItemMatrix.Create(split.Train, split.Validation, split.Test);

        var negatives = SampledNegatives.Draw(split, countPerUser: 50, seed: 5);
        var again = SampledNegatives.Draw(split, countPerUser: 50, seed: 5);
        var other = SampledNegatives.Draw(split, countPerUser: 50, seed: 6);

        var testUsers = split.Test.Users.ToArray().ToHashSet();
        for (var user = 0; user < split.UserCount; user++)
        {
            var sample = negatives.Of(user).ToArray();
            Assert.Equal(testUsers.Contains(user) ? 50 : 0, sample.Length);
            Assert.Equal(sample.Distinct().Order(), sample);
            Assert.All(sample, item => Assert.False(known.Contains(user, item)));
            Assert.Equal(sample, again.Of(user).ToArray());
        }

        Assert.NotEqual(negatives.Of(split.Test[0].User).ToArray(), other.Of(split.Test[0].User).ToArray());
    }

    [Fact]
    public void Negatives_TakeEveryEligibleItemWhenThereAreFewer()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Parse("u a 1", "u b 2", "u c 3", "v d 1"));

        var negatives = SampledNegatives.Draw(split, countPerUser: 10);

        Assert.Equal([split.ItemIds.GetIndex("d")], negatives.Of(split.UserIds.GetIndex("u")).ToArray());
    }

    [Fact]
    public void SampledEvaluation_AgreesWithTheSortingOracle()
    {
        var split = RandomSplitter.Split(Logs.Random(users: 70, items: 120, perUser: 12, seed: 32), new SplitFractions(0.7, 0.1), seed: 1);
        var scorer = TableScorer.RandomWithTies(split.UserCount, split.ItemCount, seed: 33);
        var negatives = SampledNegatives.Draw(split, countPerUser: 20, seed: 9);
        var metrics = new[] { Metric.Ndcg(10), Metric.Recall(5), Metric.Map(10), Metric.Mrr(), Metric.Auc, Metric.Gauc };

        var result = new RankingEvaluator(new EvaluationOptions { Metrics = metrics, Bootstrap = new BootstrapOptions { Resamples = 0 } })
            .EvaluateSampled(scorer, split, negatives);
        var expected = ReferenceEvaluation.Overall(metrics, scorer, UserItemMatrix.Create(split.Test), user => negatives.Of(user).ToArray());

        foreach (var metric in metrics)
        {
            Assert.Equal(expected[metric], result.Overall[metric].Value, 10);
        }

        Assert.Contains("20 fixed negatives per user (seed 9)", result.Description);
    }

    [Fact]
    public void NegativesOfAnotherSplit_AreRejected()
    {
        var log = Logs.Random(users: 20, items: 30, perUser: 5, seed: 34);
        var split = LeaveOneOutSplitter.Split(log);
        var otherSplit = LeaveOneOutSplitter.Split(Logs.Random(users: 20, items: 30, perUser: 5, seed: 34));

        Assert.Throws<ArgumentException>(() => new RankingEvaluator().EvaluateSampled(PopularityRecommender.Fit(split.Train), split, SampledNegatives.Draw(otherSplit)));
    }
}

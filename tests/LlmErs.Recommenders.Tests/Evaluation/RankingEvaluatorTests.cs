using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class RankingEvaluatorTests
{
    private static readonly EvaluationOptions NoBootstrap = new() { Bootstrap = new BootstrapOptions { Resamples = 0 } };

    [Fact]
    public void FullRanking_OnValidation_MasksTrainingOnly()
    {
        // Items by first appearance: A X C B D E. Validation holds X (u1) and D (u2); training A (u1) and B (u2).
        var log = Logs.Parse("u1 A 1", "u1 X 2", "u1 C 3", "u2 B 1", "u2 D 2", "u2 E 3");
        var split = LeaveOneOutSplitter.Split(log);
        var scores = new float[2][];
        scores[0] = Scores(split, ("A", 0.9f), ("B", 0.8f), ("C", 0.7f), ("D", 0.6f), ("E", 0.1f), ("X", 0.95f));
        scores[1] = Scores(split, ("A", 0.5f), ("B", 0.9f), ("C", 0.65f), ("D", 0.6f), ("E", 0.7f), ("X", 0.2f));
        var options = new EvaluationOptions { Metrics = [Metric.Ndcg(10), Metric.HitRate(1), Metric.Mrr()], Bootstrap = new BootstrapOptions { Resamples = 0 } };

        var result = new RankingEvaluator(options).EvaluateFullRanking(new TableScorer(scores), split, EvaluationTarget.Validation);

        // u1 ranks X first (A masked). u2 ranks E .7, C .65, D .6, A .5, X .2 (B masked; E is a test item, unknown at
        // validation time, so it stays a candidate): D is third.
        var overall = result.Overall;
        Assert.Equal(2, overall.UserCount);
        Assert.Equal((1 + (1 / Math.Log2(4))) / 2, overall[Metric.Ndcg(10)].Value, 12);
        Assert.Equal(0.5, overall[Metric.HitRate(1)].Value, 12);
        Assert.Equal((1 + (1.0 / 3)) / 2, overall[Metric.Mrr()].Value, 12);
    }

    [Fact]
    public void FullRanking_OnTest_MasksTrainingAndValidation_AndMatchesHandComputedAuc()
    {
        // Train: u1 {A}, u2 {B}; validation: u1 {X}, u2 {Y}; test: u1 {C}, u2 {E}.
        var log = Logs.Parse("u1 A 1", "u1 X 2", "u1 C 3", "u2 B 1", "u2 Y 2", "u2 E 3");
        var split = LeaveOneOutSplitter.Split(log);
        var scores = new float[2][];
        scores[0] = Scores(split, ("A", 0.9f), ("B", 0.8f), ("C", 0.7f), ("E", 0.1f), ("X", 1f), ("Y", 0.75f));
        scores[1] = Scores(split, ("A", 0.7f), ("B", 0.9f), ("C", 0.6f), ("E", 0.8f), ("X", 0.2f), ("Y", 1f));

        var result = new RankingEvaluator(NoBootstrap).EvaluateFullRanking(new TableScorer(scores), split);

        // u1's candidates B .8, Y .75, C .7, E .1 (A, X masked): C is third. u2's E .8, A .7, C .6, X .2 (B, Y masked): E is first.
        var overall = result.Overall;
        Assert.Equal((0.5 + 1) / 2, overall[Metric.Ndcg(10)].Value, 12);
        Assert.Equal(((1.0 / 3) + 1) / 2, overall[Metric.Mrr()].Value, 12);

        // GAUC: u1's C beats E and loses to B and Y (1/3); u2's E beats all three (1). One positive each.
        Assert.Equal(((1.0 / 3) + 1) / 2, overall[Metric.Gauc].Value, 12);

        // AUC pools the six negatives .8 .75 .1 | .7 .6 .2: C .7 wins 3 and ties u2's A (3.5); E .8 wins 5 and ties u1's B (5.5).
        Assert.Equal(9.0 / 12, overall[Metric.Auc].Value, 12);
    }

    [Fact]
    public void ConstantScores_GainNothingFromItemOrder()
    {
        // Every user's test item is one of the five lowest item indices; a constant scorer must still rank it like chance.
        var builder = new InteractionLogBuilder();
        for (var item = 0; item < 400; item++)
        {
            builder.Add("catalog", $"i{item}", 0);
        }

        for (var user = 0; user < 300; user++)
        {
            builder.Add($"u{user}", $"i{5 + ((2 * user) % 395)}", 1);
            builder.Add($"u{user}", $"i{5 + ((2 * user + 1) % 395)}", 2);
            builder.Add($"u{user}", $"i{user % 5}", 3);
        }

        var split = LeaveOneOutSplitter.Split(builder.Build());
        var constant = new TableScorer([.. Enumerable.Range(0, split.UserCount).Select(_ => new float[split.ItemCount])]);

        var result = new RankingEvaluator(NoBootstrap).EvaluateFullRanking(constant, split);

        // Chance: 10 of ~397 candidates. Breaking ties by index would put every test item in the top 5.
        Assert.InRange(result.Overall[Metric.HitRate(10)].Value, 0.0, 0.08);
        Assert.Equal(0.5, result.Overall[Metric.Gauc].Value, 12);
    }

    [Theory]
    [InlineData(SplitProtocol.LeaveOneOut)]
    [InlineData(SplitProtocol.Temporal)]
    [InlineData(SplitProtocol.Random)]
    public void FullRanking_AgreesWithTheSortingOracle(SplitProtocol protocol)
    {
        var log = Logs.Random(users: 60, items: 80, perUser: 10, seed: 21);
        var split = protocol switch
        {
            SplitProtocol.LeaveOneOut => LeaveOneOutSplitter.Split(log),
            SplitProtocol.Temporal => TemporalSplitter.Split(log, new SplitFractions(0.6, 0.1)),
            _ => RandomSplitter.Split(log, new SplitFractions(0.6, 0.1), seed: 3),
        };
        var scorer = TableScorer.RandomWithTies(split.UserCount, split.ItemCount, seed: 9);
        var metrics = new[] { Metric.Ndcg(5), Metric.Ndcg(20), Metric.Recall(10), Metric.HitRate(3), Metric.Precision(10), Metric.Map(10), Metric.Mrr(), Metric.Mrr(5), Metric.Auc, Metric.Gauc };
        var masked = UserItemMatrix.Create(split.Train, split.Validation);

        var result = new RankingEvaluator(new EvaluationOptions { Metrics = metrics, Bootstrap = new BootstrapOptions { Resamples = 0 } })
            .EvaluateFullRanking(scorer, split);
        var expected = ReferenceEvaluation.Overall(
            metrics,
            scorer,
            UserItemMatrix.Create(split.Test),
            user => Enumerable.Range(0, split.ItemCount).Where(item => !masked.Contains(user, item)));

        foreach (var metric in metrics)
        {
            Assert.Equal(expected[metric], result.Overall[metric].Value, 10);
        }
    }

    [Fact]
    public void Results_DoNotDependOnThreadCount()
    {
        var log = Logs.Random(users: 120, items: 60, perUser: 8, seed: 5);
        var split = TemporalSplitter.Split(log, SplitFractions.Default);
        var scorer = TableScorer.RandomWithTies(split.UserCount, split.ItemCount, seed: 6);

        var single = new RankingEvaluator(new EvaluationOptions { MaxDegreeOfParallelism = 1, Bootstrap = new BootstrapOptions { Resamples = 200 } }).EvaluateFullRanking(scorer, split);
        var parallel = new RankingEvaluator(new EvaluationOptions { MaxDegreeOfParallelism = 4, Bootstrap = new BootstrapOptions { Resamples = 200 } }).EvaluateFullRanking(scorer, split);

        Assert.Equal(single.Slices.Count, parallel.Slices.Count);
        for (var s = 0; s < single.Slices.Count; s++)
        {
            Assert.Equal(single.Slices[s].Slice, parallel.Slices[s].Slice);
            Assert.Equal(single.Slices[s].Metrics.ToArray(), parallel.Slices[s].Metrics.ToArray());
        }
    }

    [Fact]
    public void NaNForARelevantItem_AndAMismatchedItemCount_AreClearErrors()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Parse("u a 1", "u b 2", "u c 3"));
        var nan = new TableScorer([[0.1f, 0.2f, float.NaN]]);
        var small = new TableScorer([[0.1f, 0.2f]]);

        var error = Assert.Throws<InvalidOperationException>(() => new RankingEvaluator().EvaluateFullRanking(nan, split));
        Assert.Contains("NaN for user 'u' and their relevant item 'c'", error.Message);
        Assert.Contains("scores 2 items but the split has 3", Assert.Throws<ArgumentException>(() => new RankingEvaluator().EvaluateFullRanking(small, split)).Message);
    }

    [Fact]
    public void ANonDeterministicScorer_IsCaught()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Parse("u a 1", "u b 2", "u c 3"));
        Assert.Contains("deterministic", Assert.Throws<InvalidOperationException>(() => new RankingEvaluator(NoBootstrap).EvaluateFullRanking(new DriftingScorer(), split)).Message);
    }

    [Fact]
    public void AnEmptyTarget_SaysSo()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Parse("u a 1", "u b 2"));
        var error = Assert.Throws<InvalidOperationException>(() => new RankingEvaluator().EvaluateFullRanking(PopularityRecommender.Fit(split.Train), split));
        Assert.Contains("test part of this leave-one-out split is empty", error.Message);
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new RankingEvaluator(new EvaluationOptions { Metrics = [] }));
        Assert.Throws<ArgumentException>(() => new RankingEvaluator(new EvaluationOptions { Metrics = [Metric.Auc, Metric.Auc] }));
        Assert.Throws<ArgumentException>(() => new RankingEvaluator(new EvaluationOptions { Metrics = [default] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingEvaluator(new EvaluationOptions { Bootstrap = new BootstrapOptions { ConfidenceLevel = 1 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingEvaluator(new EvaluationOptions { Slices = new SliceOptions { UserHistoryUpperBounds = [50, 20] } }));
    }

    [Fact]
    public void Popularity_ScoresItemsByTrainingCount()
    {
        var log = Logs.Parse("u a 1", "v a 2", "v b 3", "w c 4");
        var popularity = PopularityRecommender.Fit(log);
        var scores = new float[3];
        popularity.ScoreItems(0, scores);

        Assert.Equal([2f, 1f, 1f], scores);
        Assert.Equal(3, popularity.ItemCount);
    }

    [Fact]
    public void ToMarkdown_ListsEverySliceWithCounts()
    {
        var log = Logs.Random(users: 80, items: 40, perUser: 8, seed: 8);
        var split = LeaveOneOutSplitter.Split(log);

        var result = new RankingEvaluator(new EvaluationOptions { Bootstrap = new BootstrapOptions { Resamples = 50 } })
            .EvaluateFullRanking(PopularityRecommender.Fit(split.Train), split);
        var markdown = result.ToMarkdown([Metric.Ndcg(10), Metric.Auc]);

        Assert.Contains("| Slice | Users | Cases | NDCG@10 | AUC |", markdown);
        Assert.Contains($"| overall | {result.Overall.UserCount} | {result.Overall.TestCaseCount} | {result.Overall[Metric.Ndcg(10)]} |", markdown);
        Assert.All(result.Slices, slice => Assert.Contains(slice.Slice.Name, markdown));
        Assert.Contains("95% percentile bootstrap over users, 50 resamples", markdown);
    }

    private static float[] Scores(DataSplit split, params (string Item, float Score)[] scores)
    {
        var row = new float[split.ItemCount];
        foreach (var (item, score) in scores)
        {
            row[split.ItemIds.GetIndex(item)] = score;
        }

        return row;
    }

    private sealed class DriftingScorer : IItemScorer
    {
        private int _calls;

        public int ItemCount => 3;

        public void ScoreItems(int user, Span<float> scores)
        {
            scores.Fill(Interlocked.Increment(ref _calls));
        }
    }
}

using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Ablation;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class TrainingScheduleTests
{
    [Theory]
    [InlineData(1_600, 32, 50, 20)]     // a small log: batches of 32, 50 steps an epoch, patience 1,000 / 50
    [InlineData(100_000, 1024, 98, 11)] // ml-latest-small's size keeps batches of 1,024
    [InlineData(10, 32, 1, 25)]         // at most 25 epochs of patience
    [InlineData(10_000_000, 1024, 9766, 5)]
    public void UnsetOptions_AreDerivedFromTheNumberOfInteractions(int interactions, int batchSize, int steps, int patience)
    {
        var schedule = TrainingSchedule.For(new BprOptions(), interactions);

        Assert.Equal(new TrainingSchedule(batchSize, patience, 50, steps), schedule);
    }

    [Fact]
    public void SetOptions_AreKept_AndACallersBudgetOverridesThem()
    {
        var options = new BprOptions { BatchSize = 100, Patience = 3, Epochs = 7 };
        Assert.Equal(new TrainingSchedule(100, 3, 7, 16), TrainingSchedule.For(options, 1_600));
        Assert.Equal(new TrainingSchedule(100, 9, 40, 16), TrainingSchedule.For(options, 1_600, new TrainingMonitor { MaxEpochs = 40, Patience = 9 }));
    }

    [Fact]
    public void IdOnlyBpr_WithDefaults_TrainsOnASmallLog_WhereAFixedBatchOf1024DidNot()
    {
        using var catalog = ClusteredCatalog.Create(users: 110, items: 200, perUser: 15);
        var split = LeaveOneOutSplitter.Split(catalog.Log);
        var feedback = UserItemMatrix.Create(split.Train);
        Assert.InRange(feedback.PairCount, 1_400, 1_800);
        var evaluator = new RankingEvaluator(new EvaluationOptions { Metrics = [Metric.Ndcg(10)], Bootstrap = new BootstrapOptions { Resamples = 0 }, MaxDegreeOfParallelism = 1 });
        var monitor = new TrainingMonitor { Validate = scorer => evaluator.EvaluateFullRanking(scorer, split, EvaluationTarget.Validation).Overall[Metric.Ndcg(10)].Value };

        var derived = MatrixFactorization.Train(feedback, new BprOptions { Seed = 3, MaxDegreeOfParallelism = 1 }, monitor);
        var fixedLarge = MatrixFactorization.Train(feedback, new BprOptions { Seed = 3, MaxDegreeOfParallelism = 1, BatchSize = 1024, Patience = 5 }, monitor);

        // The old defaults: two steps an epoch, the loss stays near ln 2 ≈ 0.693.
        var (fixedLoss, derivedLoss) = (fixedLarge.History.Epochs[^1].Loss, derived.History.Epochs[^1].Loss);
        Assert.True(fixedLoss > 0.6 && derivedLoss < fixedLoss - 0.1, $"fixed batch loss {fixedLoss} (best epoch {fixedLarge.History.BestEpoch}), derived {derivedLoss} (best epoch {derived.History.BestEpoch})");
        Assert.True(derived.History.BestEpoch > 2, $"best epoch {derived.History.BestEpoch}");
        Assert.Equal(32, derived.History.Schedule!.BatchSize);

        double TestNdcg(IItemScorer scorer) => evaluator.EvaluateFullRanking(scorer, split).Overall[Metric.Ndcg(10)].Value;
        Assert.True(TestNdcg(derived.Model) > TestNdcg(PopularityRecommender.Fit(split.Train)), "BPR with derived defaults should beat popularity on clustered data.");
    }
}

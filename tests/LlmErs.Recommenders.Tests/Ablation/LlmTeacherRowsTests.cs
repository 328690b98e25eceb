using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Ablation;

public sealed class LlmTeacherRowsTests
{
    [Fact]
    public void RowsDistilledFromTheLlmTeacher_AreTrainedWithItsScores()
    {
        using var catalog = ClusteredCatalog.Create(users: 80, perUser: 10);
        var split = LeaveOneOutSplitter.Split(catalog.Log);

        // A teacher that ranks, for every user, ten items they never interacted with in index order.
        var feedback = UserItemMatrix.Create(split.Train);
        var teacher = ListwiseTeacherScores.Create(split.UserCount, split.ItemCount, Enumerable.Range(0, split.UserCount)
            .Select(user => (user, (IReadOnlyList<int>)[.. Enumerable.Range(0, split.ItemCount).Where(item => !feedback.Contains(user, item)).Take(10)])));
        var distillation = new DistillationOptions { Teacher = teacher, Weight = 0.5f, PointwiseWeight = 0.5f };
        var options = new AblationOptions
        {
            Models =
            [
                AblationModel.IdOnlyBpr(new BprOptions { Dimension = 8, Seed = 1, MaxDegreeOfParallelism = 1 }),
                AblationModel.BprFromLlmTeacher(new BprOptions { Dimension = 8, Seed = 1, MaxDegreeOfParallelism = 1, Distillation = distillation }),
                AblationModel.TwoTowerFromLlmTeacher(new TwoTowerOptions { Dimension = 8, Seed = 1, MaxDegreeOfParallelism = 1, Distillation = distillation }),
            ],
            EpochBudget = 3,
            Evaluation = new EvaluationOptions { Metrics = [Metric.Ndcg(10)], Bootstrap = new BootstrapOptions { Resamples = 0 }, MaxDegreeOfParallelism = 1 },
        };

        var result = new AblationRunner(options).Run(split, catalog.Blocks);

        Assert.Equal(
            ["BPR (ID only)", "BPR distilled from the LLM teacher", "Two-tower distilled from the LLM teacher", "Two-tower distilled from the LLM teacher without informative", "Two-tower distilled from the LLM teacher without noise"],
            result.Rows.Select(row => row.Name));
        Assert.All(result.Rows.Skip(1), row => Assert.All(row.History!.Epochs, epoch => Assert.NotNull(epoch.DistillationLoss)));
        Assert.All(result.Rows[0].History!.Epochs, epoch => Assert.Null(epoch.DistillationLoss));
        Assert.Throws<ArgumentException>(() => AblationModel.BprFromLlmTeacher(new BprOptions()));
    }
}

using LlmErs.Ablation;
using LlmErs.Data;
using LlmErs.Evaluation;
using LlmErs.Models;

namespace LlmErs.MovieLens;

/// <summary>
/// The split and the models of each protocol. Hyperparameters were chosen on each split's validation part only (see
/// docs/ablation.md); every model uses the same seed.
/// </summary>
internal static class ExperimentSettings
{
    private const ulong Seed = 42;

    /// <summary>10% of the items withheld for test; another 5% for validation, so early stopping never sees the test items.</summary>
    public static ColdItemSplitOptions ColdItemSplit { get; } = new() { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 42 };

    public static AblationOptions LeaveOneOut() => Options(
        new BprOptions { Regularization = 0.01f, NegativeSamples = 4, Epochs = 100, Patience = 15, Seed = Seed },
        idDropout: 0.25f);

    public static AblationOptions ColdItem() => Options(
        new BprOptions { Regularization = 0.01f, NegativeSamples = 4, Epochs = 100, Patience = 15, Seed = Seed },
        idDropout: 0.5f);

    private static AblationOptions Options(BprOptions bpr, float idDropout) => new()
    {
        Models =
        [
            AblationModel.Popularity(),
            AblationModel.IdOnlyBpr(bpr),
            AblationModel.ContentOnly(),
            AblationModel.EmbeddingInitializedBpr(bpr),
            AblationModel.TwoTower(TwoTower(bpr, idDropout, teacher: null)),
            AblationModel.DistilledTwoTower(teacher => TwoTower(bpr, idDropout, teacher)),
        ],
        Evaluation = new EvaluationOptions
        {
            Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc],
            Bootstrap = new BootstrapOptions { Resamples = 1000, Seed = 42 },
        },
    };

    private static TwoTowerOptions TwoTower(BprOptions bpr, float idDropout, IItemScorer? teacher) => new()
    {
        Dimension = bpr.Dimension,
        LearningRate = bpr.LearningRate,
        Regularization = bpr.Regularization,
        NegativeSamples = bpr.NegativeSamples,
        Epochs = bpr.Epochs,
        Patience = bpr.Patience,
        Seed = bpr.Seed,
        IdDropout = idDropout,
        Distillation = teacher is null ? null : new DistillationOptions { Teacher = teacher, Weight = 0.2f },
    };
}

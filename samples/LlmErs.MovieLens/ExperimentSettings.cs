using LlmErs.Ablation;
using LlmErs.Data;
using LlmErs.Evaluation;
using LlmErs.Models;

namespace LlmErs.MovieLens;

/// <summary>
/// The splits and models of both protocols. Each model's hyperparameters are those with the best validation NDCG@10
/// in a small grid (docs/ablation.md lists it); no choice looked at a test part. Every model uses the same seed.
/// </summary>
internal static class ExperimentSettings
{
    private const ulong Seed = 42;
    private const int Epochs = 100;
    private const int Patience = 15;

    /// <summary>10% of the items withheld for test; another 5% for validation, so early stopping never sees a test item.</summary>
    public static ColdItemSplitOptions ColdItemSplit { get; } = new() { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 42 };

    /// <summary>On leave-one-out validation, ID dropout 0.25 and a stronger L2 suited the two-tower model; distillation kept a light weight.</summary>
    public static AblationOptions LeaveOneOut() => Options(twoTower: TwoTower(idDropout: 0.25f, regularization: 0.03f), distillationWeight: 0.1f);

    /// <summary>
    /// The two-tower settings are chosen again on the withheld validation items, where more ID dropout paid off. ID-only
    /// BPR cannot be tuned there (it never trains a withheld item), so both BPR models keep their leave-one-out settings.
    /// </summary>
    public static AblationOptions ColdItem() => Options(twoTower: TwoTower(idDropout: 0.5f, regularization: 0.01f), distillationWeight: 0.1f);

    private static AblationOptions Options(Func<IItemScorer?, float, TwoTowerOptions> twoTower, float distillationWeight) => new()
    {
        Models =
        [
            AblationModel.Popularity(),
            AblationModel.IdOnlyBpr(new BprOptions { Regularization = 0.01f, NegativeSamples = 1, Epochs = Epochs, Patience = Patience, Seed = Seed }),
            AblationModel.ContentOnly(),
            AblationModel.EmbeddingInitializedBpr(new BprOptions { Regularization = 0.01f, NegativeSamples = 4, Epochs = Epochs, Patience = Patience, Seed = Seed }),
            AblationModel.TwoTower(twoTower(null, 0)),
            AblationModel.DistilledTwoTower(teacher => twoTower(teacher, distillationWeight)),
        ],
        Evaluation = new EvaluationOptions
        {
            Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc],
            Bootstrap = new BootstrapOptions { Resamples = 1000, Seed = 42 },
        },
    };

    private static Func<IItemScorer?, float, TwoTowerOptions> TwoTower(float idDropout, float regularization) => (teacher, weight) => new()
    {
        Regularization = regularization,
        NegativeSamples = 4,
        Epochs = Epochs,
        Patience = Patience,
        Seed = Seed,
        IdDropout = idDropout,
        Distillation = teacher is null ? null : new DistillationOptions { Teacher = teacher, Weight = weight },
    };
}

using LlmErs.Recommenders;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>
/// The splits and models of both protocols. Each model's hyperparameters are those with the best validation NDCG@10
/// in a small grid (docs/ablation.md lists it); no choice looked at a test part. Every model uses the same seed.
/// </summary>
/// <param name="LeaveOneOut">The ablation on the leave-one-out split by time, given the LLM teacher's scores and the LLM-chosen pairs on that split, whether it is the full one, and where the run keeps its rows.</param>
/// <param name="ColdItem">The ablation on the cold-item split, given the LLM teacher's scores and the LLM-chosen pairs on that split, whether it is the full one, and where the run keeps its rows.</param>
/// <param name="ColdItemSplit">Which items the cold-item split withholds.</param>
internal sealed record ExperimentSettings(
    Func<ListwiseTeacherScores, AugmentedPairs, bool, AblationRun, AblationOptions> LeaveOneOut,
    Func<ListwiseTeacherScores, AugmentedPairs, bool, AblationRun, AblationOptions> ColdItem,
    ColdItemSplitOptions ColdItemSplit)
{
    private const ulong Seed = 42;
    private const int Epochs = 100;
    private const int Patience = 15;

    /// <summary>The row of ID-only BPR trained with the LLM-chosen pairs.</summary>
    public const string BprWithPairsName = "BPR + LLM-chosen pairs";

    /// <summary>The model whose rows without each feature block the sample trains by default.</summary>
    public const string BlockRemovalModel = "Two-tower";

    /// <summary>
    /// On leave-one-out validation, ID dropout 0.25 and a stronger L2 suited the two-tower model; distillation kept a
    /// light weight. On the cold-item split the two-tower settings are chosen again on the withheld validation items,
    /// where more ID dropout paid off; ID-only BPR cannot be tuned there (it never trains a withheld item), so both BPR
    /// models keep their leave-one-out settings. 10% of the items are withheld for test, another 5% for validation, so
    /// early stopping never sees a test item.
    /// </summary>
    public static ExperimentSettings Tuned { get; } = new(
        LeaveOneOut: (teacher, pairs, full, run) => Options(twoTower: TwoTower(idDropout: 0.25f, regularization: 0.03f), distillationWeight: 0.1f, teacher, pairs, full, run),
        ColdItem: (teacher, pairs, full, run) => Options(twoTower: TwoTower(idDropout: 0.5f, regularization: 0.01f), distillationWeight: 0.1f, teacher, pairs, full, run),
        ColdItemSplit: new ColdItemSplitOptions { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 42 });

    /// <summary>The LLM teacher's rows: pairwise and pointwise distillation at the same weight as the content teacher's.</summary>
    private static DistillationOptions LlmDistillation(ListwiseTeacherScores teacher, float weight) =>
        new() { Teacher = teacher, Weight = weight, PointwiseWeight = weight, Temperature = 0.1f, PairsPerPositive = 1 };

    /// <summary>
    /// The LLM-chosen pairs train a BPR beside the ID-only one. The two-tower model trains without them: with them its
    /// leave-one-out NDCG@10 fell from 0.0249 to 0.0113 (docs/ablation.md, "LLM-chosen pairs").
    /// </summary>
    /// <remarks>
    /// By default the rows are the baselines, one row per LLM-derived input (the two-tower model without each feature
    /// block, BPR with the LLM-chosen pairs, the two-tower model distilled from the LLM teacher), which is what the
    /// main job must show. <paramref name="full"/> adds the rows that compare training recipes rather than inputs
    /// (BPR distilled from the LLM teacher, BPR initialized from the embeddings, the two-tower model distilled from the
    /// content baseline) and every enhanced model's removed-block rows: about three times the training.
    /// </remarks>
    private static AblationOptions Options(Func<DistillationOptions?, TwoTowerOptions> twoTower, float distillationWeight, ListwiseTeacherScores llmTeacher, AugmentedPairs pairs, bool full, AblationRun run)
    {
        var idOnly = new BprOptions { Regularization = 0.01f, NegativeSamples = 1, Epochs = Epochs, Patience = Patience, Seed = Seed };
        var fromLlm = new BprOptions { Regularization = 0.01f, NegativeSamples = 1, Epochs = Epochs, Patience = Patience, Seed = Seed, Distillation = LlmDistillation(llmTeacher, distillationWeight) };
        var embeddingInit = new BprOptions { Regularization = 0.01f, NegativeSamples = 4, Epochs = Epochs, Patience = Patience, Seed = Seed };
        var twoTowerFromLlm = twoTower(LlmDistillation(llmTeacher, distillationWeight));
        AblationModel[] bprRecipes = full
            ?
            [
                AblationModel.BprFromLlmTeacher(fromLlm).WithFingerprint(ModelFingerprint.Of(fromLlm)),
                AblationModel.EmbeddingInitializedBpr(embeddingInit).WithFingerprint(ModelFingerprint.Of(embeddingInit)),
            ]
            : [];
        AblationModel[] twoTowerRecipes = full
            ?
            [
                AblationModel.DistilledTwoTower(teacher => twoTower(new DistillationOptions { Teacher = teacher, Weight = distillationWeight }))
                    .WithFingerprint(ModelFingerprint.Of(twoTower(null), $"distilled from the content-only baseline, weight {distillationWeight:R}")),
            ]
            : [];
        return new()
        {
            AugmentedPairs = pairs,
            Models =
            [
                AblationModel.Popularity(),
                AblationModel.IdOnlyBpr(idOnly).WithFingerprint(ModelFingerprint.Of(idOnly)),
                AblationModel.IdOnlyBpr(idOnly).WithAugmentedPairs(BprWithPairsName).WithFingerprint(ModelFingerprint.Of(idOnly)),
                AblationModel.ContentOnly(),
                .. bprRecipes,
                AblationModel.TwoTower(twoTower(null)).WithFingerprint(ModelFingerprint.Of(twoTower(null))),
                .. twoTowerRecipes,
                AblationModel.TwoTowerFromLlmTeacher(twoTowerFromLlm).WithFingerprint(ModelFingerprint.Of(twoTowerFromLlm)),
            ],
            EpochBudget = Epochs,
            Patience = Patience,

            // One model's removed-block rows attribute each block's gain; every model's would multiply the ablation's
            // training by the number of enhanced models.
            BlockRemovalModels = full ? null : [BlockRemovalModel],
            Evaluation = new EvaluationOptions
            {
                Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc],
                Bootstrap = new BootstrapOptions { Resamples = 1000, Seed = 42 },
            },
            CacheDirectory = run.CacheDirectory,
            RowSlots = run.Slots,
        };
    }

    private static Func<DistillationOptions?, TwoTowerOptions> TwoTower(float idDropout, float regularization) => distillation => new()
    {
        Regularization = regularization,
        NegativeSamples = 4,
        Epochs = Epochs,
        Patience = Patience,
        Seed = Seed,
        IdDropout = idDropout,
        Distillation = distillation,
    };
}

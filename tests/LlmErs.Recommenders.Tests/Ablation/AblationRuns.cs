using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Ablation;

/// <summary>The runs the ablation tests share: the default models, small and single-threaded, on both protocols of one catalog.</summary>
public sealed class AblationRuns : IDisposable
{
    public AblationRuns()
    {
        Catalog = ClusteredCatalog.Create();
        var log = Catalog.Log;
        LeaveOneOutSplit = LeaveOneOutSplitter.Split(log);
        ColdItemSplit = ColdItemSplitter.Split(log, new ColdItemSplitOptions { TestItemFraction = 0.15, ValidationItemFraction = 0.1, Seed = 3 });
        LeaveOneOut = Run(LeaveOneOutSplit);
        ColdItem = Run(ColdItemSplit);
    }

    public ClusteredCatalog Catalog { get; }

    public DataSplit LeaveOneOutSplit { get; }

    public DataSplit ColdItemSplit { get; }

    public AblationResult LeaveOneOut { get; }

    public AblationResult ColdItem { get; }

    public static AblationOptions Options(IReadOnlyList<AblationModel>? models = null, string? reference = AblationModel.IdOnlyBprName, int maxConcurrentRows = 1, AblationRowSlots? rowSlots = null) => new()
    {
        Models = models ?? Models(),
        Reference = reference,
        MaxConcurrentRows = maxConcurrentRows,
        RowSlots = rowSlots,
        EpochBudget = 12,
        Patience = 4,
        Evaluation = new EvaluationOptions
        {
            Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc],
            Bootstrap = new BootstrapOptions { Resamples = 100 },
            MaxDegreeOfParallelism = 1,
        },
    };

    public static IReadOnlyList<AblationModel> Models()
    {
        var bpr = new BprOptions { Dimension = 16, Epochs = 12, Patience = 4, BatchSize = 256, LearningRate = 0.02f, Seed = 5, MaxDegreeOfParallelism = 1 };
        TwoTowerOptions TwoTower(IItemScorer? teacher) => new()
        {
            Dimension = 16,
            Epochs = 12,
            Patience = 4,
            BatchSize = 256,
            LearningRate = 0.02f,
            Seed = 5,
            MaxDegreeOfParallelism = 1,
            Distillation = teacher is null ? null : new DistillationOptions { Teacher = teacher, Weight = 0.5f },
        };

        return
        [
            AblationModel.Popularity(),
            AblationModel.IdOnlyBpr(bpr),
            AblationModel.ContentOnly(),
            AblationModel.EmbeddingInitializedBpr(bpr),
            AblationModel.TwoTower(TwoTower(null)),
            AblationModel.DistilledTwoTower(TwoTower),
        ];
    }

    public AblationResult Run(DataSplit split, IProgress<AblationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new AblationRunner(Options()).Run(split, Catalog.Blocks, progress, cancellationToken);

    /// <summary>Every metric value and interval bound of every row (or the row named <paramref name="row"/>) and slice, in order.</summary>
    public static double[] Numbers(AblationResult result, string? row = null) =>
        [.. result.Rows.Where(r => row is null || r.Name == row)
            .SelectMany(r => r.AmongWithheldItems is null ? [r.Ranking] : new[] { r.Ranking, r.AmongWithheldItems })
            .SelectMany(evaluation => evaluation.Slices)
            .SelectMany(slice => result.Metrics.SelectMany(metric => new[] { slice[metric].Value, slice[metric].Lower, slice[metric].Upper }))];

    public void Dispose() => Catalog.Dispose();
}

using BenchmarkDotNet.Attributes;
using LlmErs.Recommenders;

namespace LlmErs.Benchmarks.Evaluation;

/// <summary>
/// The evaluation early stopping runs after every epoch of every ablation row: NDCG@10 on the validation part, no
/// intervals, for a 64-dimension dot-product model (the trained models' shape) on ml-latest-small — full ranking on
/// leave-one-out by time, ranking among the withheld validation items on the main sample's cold-item split.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MedianColumn]
public class ModelSelectionBenchmarks
{
    private FactorModel? _leaveOneOutModel;
    private FactorModel? _coldItemModel;
    private Func<IItemScorer, EvaluationResult>? _leaveOneOut;
    private Func<IItemScorer, EvaluationResult>? _coldItem;

    [GlobalSetup]
    public void Setup()
    {
        var log = MovieLensDataset.Load(FullRankingBenchmarks.LocateMovieLens()).Ratings.Deduplicate();
        var validator = new RankingEvaluator(new EvaluationOptions { Metrics = [Metric.Ndcg(10)], Bootstrap = new BootstrapOptions { Resamples = 0 } });
        var leaveOneOut = LeaveOneOutSplitter.Split(log);
        var coldItem = ColdItemSplitter.Split(log, new ColdItemSplitOptions { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 42 });
        (_leaveOneOut, _leaveOneOutModel) = (validator.ModelSelection(leaveOneOut, EvaluationTarget.Validation, CancellationToken.None), RandomModel(leaveOneOut));
        (_coldItem, _coldItemModel) = (validator.ModelSelection(coldItem, EvaluationTarget.Validation, CancellationToken.None), RandomModel(coldItem));
    }

    [Benchmark(Description = "leave-one-out: full ranking, 9,724 items")]
    public EvaluationResult LeaveOneOut() => _leaveOneOut!(_leaveOneOutModel!);

    [Benchmark(Description = "cold-item: among the withheld validation items")]
    public EvaluationResult ColdItem() => _coldItem!(_coldItemModel!);

    private static FactorModel RandomModel(DataSplit split)
    {
        const int Dimension = 64;
        var random = new Random(7);
        float[] Vectors(int count) => [.. Enumerable.Range(0, count * Dimension).Select(_ => (float)random.NextDouble() - 0.5f)];
        return new FactorModel(Vectors(split.UserCount), Vectors(split.ItemCount), Dimension);
    }
}

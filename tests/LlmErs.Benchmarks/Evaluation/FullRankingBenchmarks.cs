using BenchmarkDotNet.Attributes;
using LlmErs.Recommenders;

namespace LlmErs.Benchmarks.Evaluation;

/// <summary>
/// Full-ranking evaluation of all 610 users of ml-latest-small (leave-one-out by time, 9,724 items, training and
/// validation items masked) with the popularity scorer, so that the time is the evaluator's own: ranking, slices,
/// the pooled-AUC pass and the bootstrap. Needs the shared copy at ../shared/data/movielens-latest-small next to the
/// folder holding LlmErs.sln.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class FullRankingBenchmarks
{
    private DataSplit? _split;
    private PopularityRecommender? _popularity;
    private RankingEvaluator? _listMetricsOnly;
    private RankingEvaluator? _allMetrics;
    private RankingEvaluator? _withBootstrap;

    [GlobalSetup]
    public void Setup()
    {
        var data = MovieLensDataset.Load(LocateMovieLens());
        _split = LeaveOneOutSplitter.Split(data.Ratings.Deduplicate());
        _popularity = PopularityRecommender.Fit(_split.Train);
        var noBootstrap = new BootstrapOptions { Resamples = 0 };
        _listMetricsOnly = new RankingEvaluator(new EvaluationOptions { Metrics = [.. Metric.Defaults.Where(m => !m.IsPairwise)], Bootstrap = noBootstrap });
        _allMetrics = new RankingEvaluator(new EvaluationOptions { Bootstrap = noBootstrap });
        _withBootstrap = new RankingEvaluator();
    }

    [Benchmark(Baseline = true, Description = "list metrics, no AUC, no bootstrap")]
    public EvaluationResult ListMetrics() => _listMetricsOnly!.EvaluateFullRanking(_popularity!, _split!);

    [Benchmark(Description = "all default metrics (AUC: second pass), no bootstrap")]
    public EvaluationResult AllMetrics() => _allMetrics!.EvaluateFullRanking(_popularity!, _split!);

    [Benchmark(Description = "all default metrics, 1,000-resample bootstrap (the default)")]
    public EvaluationResult Defaults() => _withBootstrap!.EvaluateFullRanking(_popularity!, _split!);

    internal static string LocateMovieLens()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LlmErs.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "movielens-latest-small"));
                if (File.Exists(Path.Combine(data, "ratings.csv")))
                {
                    return data;
                }
            }
        }

        throw new DirectoryNotFoundException("MovieLens data not found: expected ../shared/data/movielens-latest-small/ratings.csv next to the folder holding LlmErs.sln.");
    }
}

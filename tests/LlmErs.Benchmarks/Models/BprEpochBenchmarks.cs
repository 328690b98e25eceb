using BenchmarkDotNet.Attributes;
using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Benchmarks.Models;

/// <summary>
/// One training epoch on ml-latest-small (100,836 ratings of 610 users and 9,724 movies, every rating a positive) on
/// one thread: BPR matrix factorization (target under a second) and, for scale, the two-tower model with 384-dimensional
/// item features (synthetic text-embedding-like vectors, since the real ones need the embedding model). Each call
/// trains from scratch for one epoch, so initialization and the final snapshot are included. Needs the shared copy at
/// ../shared/data/movielens-latest-small next to the folder holding LlmErs.sln.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
[MemoryDiagnoser]
[MedianColumn]
public class BprEpochBenchmarks
{
    private UserItemMatrix? _feedback;
    private VectorMatrix? _itemFeatures;
    private VectorMatrix? _sampleItemFeatures;
    private VectorMatrix? _sampleUserFeatures;

    [GlobalSetup]
    public void Setup()
    {
        _feedback = ReadRatings(Path.Combine(LocateMovieLens(), "ratings.csv"));
        _itemFeatures = VectorMatrix.Create(RandomVectors.Clustered(_feedback.ItemCount, 384, clusters: 50, seed: 1), 384);

        // The main sample's shape: 127 item features (text components, genres, LLM slots, KG entities), 64 user-profile components.
        _sampleItemFeatures = VectorMatrix.Create(RandomVectors.Clustered(_feedback.ItemCount, 127, clusters: 50, seed: 2), 127);
        _sampleUserFeatures = VectorMatrix.Create(RandomVectors.Clustered(_feedback.UserCount, 64, clusters: 20, seed: 3), 64);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _itemFeatures?.Dispose();
        _sampleItemFeatures?.Dispose();
        _sampleUserFeatures?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "BPR-MF, d = 64, one epoch, one thread")]
    public FactorModel MatrixFactorizationEpoch() =>
        MatrixFactorization.Train(_feedback!, new BprOptions { Epochs = 1, MaxDegreeOfParallelism = 1 }).Model;

    [Benchmark(Description = "two-tower, 384 features, d = 64, one epoch, one thread")]
    public TwoTowerModel TwoTowerEpoch() =>
        TwoTower.Train(_feedback!, _itemFeatures!, options: new TwoTowerOptions { Epochs = 1, MaxDegreeOfParallelism = 1 }).Model;

    [Benchmark(Description = "two-tower as the main sample trains it (127 item, 64 user features, 4 negatives), one epoch, one thread")]
    public TwoTowerModel SampleShapeEpoch() => TrainSampleShape(threads: 1);

    [Benchmark(Description = "two-tower as the main sample trains it (127 item, 64 user features, 4 negatives), one epoch, two threads")]
    public TwoTowerModel SampleShapeEpochTwoThreads() => TrainSampleShape(threads: 2);

    private TwoTowerModel TrainSampleShape(int threads) =>
        TwoTower.Train(
            _feedback!,
            _sampleItemFeatures!,
            _sampleUserFeatures,
            new TwoTowerOptions { Epochs = 1, NegativeSamples = 4, IdDropout = 0.25f, Regularization = 0.03f, MaxDegreeOfParallelism = threads }).Model;

    /// <summary>Reads userId,movieId,… rows, numbering users and movies densely in order of first appearance.</summary>
    internal static UserItemMatrix ReadRatings(string path)
    {
        var (userIndex, itemIndex) = (new Dictionary<string, int>(), new Dictionary<string, int>());
        var (users, items) = (new List<int>(), new List<int>());
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            users.Add(Index(userIndex, fields[0]));
            items.Add(Index(itemIndex, fields[1]));
        }

        return UserItemMatrix.Create(users.ToArray(), items.ToArray(), userIndex.Count, itemIndex.Count);
    }

    private static int Index(Dictionary<string, int> index, string id)
    {
        if (!index.TryGetValue(id, out var value))
        {
            value = index.Count;
            index.Add(id, value);
        }

        return value;
    }

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

        throw new DirectoryNotFoundException(
            "Skipped: MovieLens data not found. Expected ../shared/data/movielens-latest-small/ratings.csv next to the folder holding LlmErs.sln.");
    }
}

using System.Diagnostics;
using System.Globalization;
using LlmErs.Local;
using LlmErs.Recommenders;
using static LlmErs.Benchmarks.Models.SequentialReport;

namespace LlmErs.Benchmarks.Models;

/// <summary>
/// LLM-chosen training pairs on ml-latest-small, on both protocols (leave-one-out by time, and the cold-item split of
/// the main sample), 95% bootstrap intervals: ID-only BPR; BPR with the pairs (weight 1, and weight 10); the two-tower
/// model with the "content" block (the MiniLM embedding of "title (year). genres" and the genre multi-hot) with and
/// without the pairs, at the main sample's tuned settings. The pairs are chosen as the main sample chooses them: an
/// ID-only BPR trained on the training part retrieves each user's 10 best unseen movies, the offline chat client picks
/// the most and least similar to the user's 10 latest training movies, and pairs the base model contradicts by more
/// than the margin are dropped. Prints the pair counts, the tables, the process's CPU time and the load average.
/// </summary>
/// <remarks>
/// Usage: <c>--pairs-report [--movielens DIR] [--epochs 100] [--patience 15] [--candidates 10] [--margin 1]
/// [--resamples 1000] [--embedding-cache FILE]</c>.
/// </remarks>
internal static class PairsReport
{
    private const ulong Seed = 42;
    private const int HistoryLength = 10;

    public static int Run(string[] args)
    {
        var folder = Text(args, "--movielens") ?? Path.GetFullPath("../shared/data/movielens-latest-small");
        var (epochs, patience) = (Int(args, "--epochs", 100), Int(args, "--patience", 15));
        var candidates = Int(args, "--candidates", 10);
        var margin = Text(args, "--margin") is { } m ? float.Parse(m, CultureInfo.InvariantCulture) : 1f;
        var resamples = Int(args, "--resamples", 1000);
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"# LLM-chosen pairs on MovieLens ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {folder}");

        var dataset = MovieLensDataset.Load(folder);
        var log = dataset.Ratings.Deduplicate().ToImplicit();
        using var embeddings = new MiniLmEmbeddingGenerator();
        var leaveOneOut = LeaveOneOutSplitter.Split(log);
        var coldItem = ColdItemSplitter.Split(log, new ColdItemSplitOptions { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 42 });
        foreach (var (title, split, idDropout, regularization) in new[] { ("Leave-one-out by time", leaveOneOut, 0.25f, 0.03f), ("Cold-item split", coldItem, 0.5f, 0.01f) })
        {
            Console.WriteLine();
            Console.WriteLine($"## {title}: {split.Train.Count:N0} training, {split.Validation.Count:N0} validation, {split.Test.Count:N0} test interactions; {split.ItemCount:N0} items");
            var pairs = ChoosePairs(dataset, split, embeddings, candidates, margin);
            using var content = ContentFeatures(dataset, split, Text(args, "--embedding-cache"));
            var bpr = new BprOptions { Regularization = 0.01f, NegativeSamples = 1, Epochs = epochs, Patience = patience, Seed = Seed };
            var twoTower = new TwoTowerOptions { Regularization = regularization, NegativeSamples = 4, Epochs = epochs, Patience = patience, Seed = Seed, IdDropout = idDropout };
            var runner = new AblationRunner(new AblationOptions
            {
                EpochBudget = epochs,
                Patience = patience,
                AugmentedPairs = pairs,
                Models =
                [
                    AblationModel.IdOnlyBpr(bpr),
                    AblationModel.IdOnlyBpr(bpr).WithAugmentedPairs("BPR + LLM-chosen pairs"),
                    HeavierPairs(bpr, weight: 10),
                    AblationModel.TwoTower(twoTower).WithAugmentedPairs(),
                ],
                Evaluation = new EvaluationOptions
                {
                    Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc],
                    Bootstrap = new BootstrapOptions { Resamples = resamples, Seed = 42 },
                },
            });
            var result = runner.Run(split, [new FeatureBlock("content", content.Features)], new AblationProgressWriter(clock));
            Console.WriteLine();
            AblationConsole.Print(result);
        }

        Footer(process, clock);
        return 0;
    }

    /// <summary>The pairs of every user with training history, chosen by the offline client among the base BPR's candidates, then denoised.</summary>
    private static AugmentedPairs ChoosePairs(MovieLensDataset dataset, DataSplit split, MiniLmEmbeddingGenerator embeddings, int candidates, float margin)
    {
        var movies = dataset.Movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);
        string Describe(int item)
        {
            var movie = movies[split.ItemIds[item]];
            return $"{movie.Title}{(movie.Year is { } year ? $" ({year})" : "")}, {string.Join(", ", movie.Genres)}";
        }

        var histories = PairCandidates.LatestTrainingItems(split, HistoryLength);
        int[] users = [.. Enumerable.Range(0, split.UserCount).Where(user => histories[user].Length > 0)];
        var retrieved = PairCandidates.FromSplit(split, users, candidates, new BprOptions { Seed = Seed });
        var requests = users.Select((user, u) => new TeacherRequest(
            split.UserIds[user], [.. histories[user].Select(Describe)], [.. retrieved.Candidates[u].Select(item => new TeacherCandidate(split.ItemIds[item], Describe(item)))])).ToArray();
        using var client = new OfflineChatClient(embeddings);
        using var teacher = new PairTeacher(client, new NoCache(), Microsoft.Extensions.Options.Options.Create(new PairTeacherOptions
        {
            // Local compute on a shared machine: a slow answer is load, not a failing endpoint.
            Requests = new EnrichmentOptions { Resilience = new EnrichmentResilienceOptions { AttemptTimeout = TimeSpan.FromMinutes(10) } },
        }));
        var chosen = teacher.ChooseAsync(requests).GetAwaiter().GetResult();
        TrainingPair[] pairs = [.. chosen.Pairs.Zip(users)
            .Where(answer => answer.First.Choice is not null)
            .Select(answer => new TrainingPair(answer.Second, split.ItemIds.GetIndex(answer.First.Choice!.Value.Liked), split.ItemIds.GetIndex(answer.First.Choice!.Value.Disliked)))];
        var denoised = PairDenoiser.Prune(retrieved.BaseModel, pairs, margin);
        Console.WriteLine($"pairs: {chosen.Report}; denoising (margin {margin}) kept {denoised.Kept.Count:N0}, dropped {denoised.Dropped.Count:N0}");
        Console.WriteLine($"kept at other margins: {string.Join(", ", new[] { 0f, 0.05f, 0.1f, 0.25f, 0.5f }.Select(other => $"{other}: {PairDenoiser.Prune(retrieved.BaseModel, pairs, other).Kept.Count:N0}"))}");
        return new AugmentedPairs { Pairs = denoised.Kept };
    }

    /// <summary>ID-only BPR with the run's pairs at another weight.</summary>
    private static AblationModel HeavierPairs(BprOptions bpr, float weight) =>
        new AblationModel($"BPR + LLM-chosen pairs, weight {weight}", AblationModelKind.Baseline, usesFeatures: false, (context, cancellationToken) =>
        {
            var options = new BprOptions
            {
                Regularization = bpr.Regularization,
                NegativeSamples = bpr.NegativeSamples,
                Epochs = bpr.Epochs,
                Patience = bpr.Patience,
                Seed = bpr.Seed,
                AugmentedPairs = context.AugmentedPairs is { } pairs ? new AugmentedPairs { Pairs = pairs.Pairs, Weight = weight } : null,
            };
            var trained = MatrixFactorization.Train(context.Feedback, options, context.Monitor, cancellationToken);
            return new AblationFit(trained.Model, trained.History);
        })
        { UsesAugmentedPairs = true };

    /// <summary>No caching: every run asks the offline client afresh.</summary>
    private sealed class NoCache : IEnrichmentCache
    {
        public ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default) => ValueTask.FromResult(CacheLookup.Miss);

        public ValueTask SetAsync(CacheKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}

using System.Diagnostics;
using LlmErs.Local;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using LlmErs.Vectors;
using Microsoft.Extensions.Options;

namespace LlmErs.Benchmarks.Models;

/// <summary>
/// The "user profile" block on ml-latest-small, on both protocols (leave-one-out by time, and the cold-item split of the
/// sample's settings): ID-only BPR, and the two-tower model (the sample's tuned settings) with the "content" item block
/// (MiniLM embedding of "title (year). genres" beside the genre multi-hot) and the "user profile" block — the MiniLM
/// embedding of each viewer's <see cref="Viewer.Taste"/>, written by the offline chat client from the viewer's
/// leak-safe training history (<see cref="UserHistories"/>, ratings from the explicit log) — and without it. Full
/// ranking, 95% bootstrap intervals. Prints one generated profile, the tables, the CPU time and the load average.
/// </summary>
/// <remarks>
/// Usage: <c>--user-profile-report [--movielens DIR] [--cache DIR] [--epochs 100] [--patience 15] [--resamples 1000]
/// [--protocol leave-one-out|cold-item] [--id-dropouts 0.5,0.75] [--regularizations 0.01,0.03]</c>; the cache folder keeps
/// the enrichment answers and vectors between runs (SQLite). Without the grid options the two-tower model has the
/// sample's settings of the protocol; with them it trains once per pair, and each row prints its best validation score
/// (NDCG@10 on the validation part: among the withheld validation items on the cold-item split), the score to choose by.
/// </remarks>
internal static class UserProfileReport
{
    private const ulong Seed = 42;

    public static int Run(string[] args)
    {
        var folder = SequentialReport.Text(args, "--movielens") ?? Path.GetFullPath("../shared/data/movielens-latest-small");
        var cacheFolder = SequentialReport.Text(args, "--cache") ?? Path.Combine(Path.GetTempPath(), "llmers-user-profile-report");
        var (epochs, patience) = (SequentialReport.Int(args, "--epochs", 100), SequentialReport.Int(args, "--patience", 15));
        var resamples = SequentialReport.Int(args, "--resamples", 1000);
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"# The user-profile block on MovieLens ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {SequentialReport.LoadAverage()} at start; {folder}");
        Directory.CreateDirectory(cacheFolder);

        var dataset = MovieLensDataset.Load(folder);
        var ratings = dataset.Ratings.Deduplicate();
        var log = ratings.ToImplicit();
        var movies = dataset.Movies.Select(movie => new Movie { Id = movie.Id, Title = movie.Title, Year = movie.Year, Genres = movie.Genres }).ToList();
        var byId = movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);

        using var embeddings = new MiniLmEmbeddingGenerator();
        using var cache = new SqliteEnrichmentCache(Path.Combine(cacheFolder, "cache.db"));
        using var chat = new OfflineChatClient(embeddings);
        // A profile prompt lists 30 movies, and the offline client summarizes it sentence by sentence: on a busy machine
        // one answer may take minutes, which is slowness, not a failing endpoint.
        var options = new EnrichmentOptions { MaxConcurrency = 64 };
        options.Resilience.AttemptTimeout = TimeSpan.FromMinutes(10);
        using var engine = new EnrichmentEngine(chat, cache, Options.Create(options));
        var movieReport = engine.RunAsync(movies).GetAwaiter().GetResult();
        Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] movies enriched: {movieReport.Succeeded:N0} of {movieReport.Items:N0}, {movieReport.LlmCalls:N0} calls");

        var protocol = SequentialReport.Text(args, "--protocol");
        if (protocol is not (null or "leave-one-out" or "cold-item"))
        {
            throw new ArgumentException($"--protocol is leave-one-out or cold-item, not '{protocol}'; leave it out for both.", nameof(args));
        }

        var idDropouts = SequentialReport.Floats(args, "--id-dropouts");
        var regularizations = SequentialReport.Floats(args, "--regularizations");
        var protocols = new (string Name, string Key, Func<DataSplit> Split, float IdDropout, float Regularization)[]
        {
            ("Leave-one-out by time", "leave-one-out", () => LeaveOneOutSplitter.Split(log), 0.25f, 0.03f),
            ("Cold-item split", "cold-item", () => ColdItemSplitter.Split(log, new ColdItemSplitOptions { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 42 }), 0.5f, 0.01f),
        };
        foreach (var (name, key, splitOf, sampleIdDropout, sampleRegularization) in protocols.Where(p => protocol is null || p.Key == protocol))
        {
            var split = splitOf();
            var histories = UserHistories.FromTraining(split, byId, new UserHistoryOptions { MaxLength = Viewer.PromptHistory, RatingsFrom = ratings });
            Viewer[] viewers = [.. histories.Select((history, user) => new Viewer { Id = split.UserIds[user], History = history })];
            var viewerReport = engine.RunAsync(viewers).GetAwaiter().GetResult();
            new EmbeddingStage(embeddings, cache).EmbedAsync(viewers).GetAwaiter().GetResult();
            Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {name}: viewers enriched {viewerReport.Succeeded:N0} of {viewerReport.Items:N0}, {viewerReport.LlmCalls:N0} calls");
            Console.WriteLine($"  e.g. viewer {viewers[0].Id}: profile \"{viewers[0].Profile}\"; enjoys {string.Join(", ", viewers[0].LikedMoods)}; avoids {string.Join(", ", viewers[0].DislikedMoods)}");

            using var content = SequentialReport.ContentFeatures(dataset, split, Path.Combine(cacheFolder, "content.vec"));
            using var profiles = FieldFeatures.Vectors(viewers, (EmbeddingField<Viewer>)EnrichmentModel.Of<Viewer>().Field(nameof(Viewer.Taste)));
            FeatureBlock[] blocks = [new FeatureBlock("content", content.Features), FeatureBlock.ForUsers("user profile", profiles.Values)];
            var withBpr = true;
            foreach (var idDropout in idDropouts ?? [sampleIdDropout])
            {
                foreach (var regularization in regularizations ?? [sampleRegularization])
                {
                    // In a grid only the first setting trains ID-only BPR: it is the same model every time.
                    var runner = new AblationRunner(new AblationOptions
                    {
                        EpochBudget = epochs,
                        Patience = patience,
                        Reference = withBpr ? AblationModel.IdOnlyBprName : null,
                        Models =
                        [
                            .. withBpr ? [AblationModel.IdOnlyBpr(new BprOptions { Regularization = 0.01f, NegativeSamples = 1, Epochs = epochs, Patience = patience, Seed = Seed })] : Array.Empty<AblationModel>(),
                            AblationModel.TwoTower(TwoTower(epochs, patience, idDropout, regularization)),
                        ],
                        Evaluation = new EvaluationOptions
                        {
                            Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc],
                            Bootstrap = new BootstrapOptions { Resamples = resamples, Seed = 42 },
                        },
                    });
                    withBpr = false;
                    var result = runner.Run(split, blocks, new SequentialReport.AblationProgressWriter(clock));
                    Console.WriteLine();
                    Console.WriteLine($"## {name}: two-tower ID dropout {idDropout}, L2 {regularization}");
                    AblationConsole.Print(result);
                }
            }
        }

        SequentialReport.Footer(process, clock);
        return 0;
    }

    /// <summary>Two-tower settings as the sample's (ExperimentSettings) but for ID dropout and L2, without distillation.</summary>
    private static TwoTowerOptions TwoTower(int epochs, int patience, float idDropout, float regularization) => new()
    {
        Regularization = regularization,
        NegativeSamples = 4,
        Epochs = epochs,
        Patience = patience,
        Seed = Seed,
        IdDropout = idDropout,
    };
}

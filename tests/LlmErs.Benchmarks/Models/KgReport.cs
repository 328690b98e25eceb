using System.Diagnostics;
using LlmErs.Local;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.AI;
using static LlmErs.Benchmarks.Models.SequentialReport;

namespace LlmErs.Benchmarks.Models;

/// <summary>
/// What the knowledge-graph triples are worth on ml-latest-small, on both protocols (leave-one-out by time; the
/// cold-item split, 10% of the items withheld for test and 5% for validation), full ranking, 95% bootstrap intervals:
/// ID-only BPR and the two-tower model over two blocks — "content" (the MiniLM embedding of "title (year). genres" and
/// the genre multi-hot) and "KG entities" (<see cref="EntityFeatures"/> over <see cref="Movie.Facts"/>, which the offline
/// chat client answers for each movie) — with each block removed in turn. Every model uses the main sample's tuned
/// settings. Prints the tables, the triples' spread, the triples' enrichment time, the process's CPU time and the load.
/// </summary>
/// <remarks>Usage: <c>--kg-report [--movielens DIR] [--resamples 1000] [--embedding-cache FILE]</c>.</remarks>
internal static class KgReport
{
    private const ulong Seed = 42;
    private const int Epochs = 100;
    private const int Patience = 15;

    public static int Run(string[] args)
    {
        var folder = Text(args, "--movielens") ?? Path.GetFullPath("../shared/data/movielens-latest-small");
        var resamples = Int(args, "--resamples", 1000);
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"# Knowledge-graph triples on MovieLens ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {folder}");

        var dataset = MovieLensDataset.Load(folder);
        var log = dataset.Ratings.Deduplicate().ToImplicit();
        var movies = dataset.Movies.ToDictionary(
            movie => movie.Id, movie => new Movie { Id = movie.Id, Title = movie.Title, Year = movie.Year, Genres = movie.Genres }, StringComparer.Ordinal);
        var facts = (LlmField<Movie, IReadOnlyList<KgTriple>>)EnrichmentModel.Of<Movie>().Field(nameof(Movie.Facts));
        EnrichTriples(movies.Values, facts, process);

        var leaveOneOut = LeaveOneOutSplitter.Split(log);
        var coldItem = ColdItemSplitter.Split(log, new ColdItemSplitOptions { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 42 });
        foreach (var (title, split, idDropout, regularization) in new[]
                 {
                     ("Leave-one-out by time", leaveOneOut, 0.25f, 0.03f),
                     ("Cold-item split", coldItem, 0.5f, 0.01f),
                 })
        {
            Console.WriteLine();
            Console.WriteLine($"## {title}: {split.Train.Count:N0} training, {split.Validation.Count:N0} validation, {split.Test.Count:N0} test interactions");
            using var content = ContentFeatures(dataset, split, Text(args, "--embedding-cache"));
            using var entities = EntityFeatures.Triples([.. split.ItemIds.Keys.Select(id => movies[id])], facts);
            var result = new AblationRunner(Options(idDropout, regularization, resamples))
                .Run(split, [new FeatureBlock("content", content.Features), new FeatureBlock("KG entities", entities.Values)]);
            AblationConsole.Print(result);
        }

        Footer(process, clock);
        return 0;
    }

    /// <summary>
    /// Answers <paramref name="facts"/> for every movie with the offline chat client, as the enrichment engine asks it
    /// (the field's prompt, its constraints in the chat options), all requests in flight at once so the client batches
    /// their embeddings; prints the CPU time it took and how the triples spread over the vocabulary.
    /// </summary>
    private static void EnrichTriples(IEnumerable<Movie> movies, LlmField<Movie, IReadOnlyList<KgTriple>> facts, Process process)
    {
        process.Refresh();
        var (cpu, clock) = (process.TotalProcessorTime, Stopwatch.StartNew());
        using var embeddings = new MiniLmEmbeddingGenerator();
        using var chat = new OfflineChatClient(embeddings);
        var options = new ChatOptions { AdditionalProperties = new() { [AnswerConstraints.ChatOptionsKey] = facts.Constraints } };
        Task.WhenAll(movies.Select(async movie =>
        {
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, facts.RenderPrompt(movie))], options).ConfigureAwait(false);
            if (!facts.TryApply(movie, response.Text, out var error))
            {
                throw new InvalidOperationException($"Movie {movie.Id}, field {facts.Name}: the offline answer is invalid ({error}).");
            }
        })).GetAwaiter().GetResult();
        process.Refresh();
        var all = movies.ToList();
        Console.WriteLine($"Triples for {all.Count:N0} movies in {clock.Elapsed.TotalSeconds:F0} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F0} s CPU; " +
                          $"{all.Average(m => m.Facts.Count):F2} triples a movie; load average {LoadAverage()}");
        foreach (var relation in facts.Constraints.Relations)
        {
            var counts = all.SelectMany(m => m.Facts).Where(t => t.Relation == relation.Name).GroupBy(t => t.Tail)
                .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"  {relation.Name}: {string.Join(", ", counts)}");
        }
    }

    /// <summary>The main sample's tuned settings (its ExperimentSettings.Tuned) for ID-only BPR and the two-tower model.</summary>
    private static AblationOptions Options(float idDropout, float regularization, int resamples) => new()
    {
        Models =
        [
            AblationModel.IdOnlyBpr(new BprOptions { Regularization = 0.01f, NegativeSamples = 1, Epochs = Epochs, Patience = Patience, Seed = Seed }),
            AblationModel.TwoTower(new TwoTowerOptions
            {
                Regularization = regularization, NegativeSamples = 4, Epochs = Epochs, Patience = Patience, Seed = Seed, IdDropout = idDropout,
            }),
        ],
        EpochBudget = Epochs,
        Patience = Patience,
        Evaluation = new EvaluationOptions
        {
            Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc],
            Bootstrap = new BootstrapOptions { Resamples = resamples, Seed = 42 },
        },
    };
}

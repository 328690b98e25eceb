using System.Diagnostics;
using LlmErs.Local;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.AI;
using static LlmErs.Benchmarks.Models.SequentialReport;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>
/// What a relation whose tails are the catalog's items costs the offline chat client on ml-latest-small: the
/// <see cref="Movie.Facts"/> requests of N movies (all 9,742 by default), every request in flight at once as the engine
/// sends them, answered first with the field's own relations, then with a <c>similar_to</c> relation over the 9,742
/// titles added (its first request builds the entity index: every title embedded once). Prints wall and process-CPU
/// seconds of each pass, the load average and a few <c>similar_to</c> answers.
/// </summary>
/// <remarks>Usage: <c>--catalog-triples-report [--movielens DIR] [--items N]</c>.</remarks>
internal static class CatalogTriplesReport
{
    public static int Run(string[] args)
    {
        var folder = Text(args, "--movielens") ?? Path.GetFullPath("../shared/data/movielens-latest-small");
        var dataset = MovieLensDataset.Load(folder);
        var movies = dataset.Movies.Select(m => new Movie { Id = m.Id, Title = m.Title, Year = m.Year, Genres = m.Genres }).ToList();
        var asked = movies.Take(Int(args, "--items", movies.Count)).ToList();
        var facts = (LlmField<Movie, IReadOnlyList<KgTriple>>)EnrichmentModel.Of<Movie>().Field(nameof(Movie.Facts));
        var catalog = new CatalogEntities(movies.Select(m => (m.Id, (string?)m.Title)));
        var withCatalog = AnswerConstraints.Triples([.. facts.Constraints.Relations, TripleRelation.Catalog("similar_to")], facts.Constraints.MaxCount + 1)
            .WithCatalog(catalog);
        Console.WriteLine($"# A catalog relation in the offline chat client ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {asked.Count:N0} of {movies.Count:N0} movies asked");

        using var embeddings = new MiniLmEmbeddingGenerator();
        using var chat = new OfflineChatClient(embeddings);
        var process = Process.GetCurrentProcess();
        Time("warm-up (model load, one request)", process, () => AskAsync(chat, facts, [asked[0]], facts.Constraints));
        Time("the field's own relations", process, () => AskAsync(chat, facts, asked, facts.Constraints));
        Time("entity index (first catalog request)", process, () => AskAsync(chat, facts, [asked[0]], withCatalog));
        var answers = Time("with similar_to over the catalog", process, () => AskAsync(chat, facts, asked, withCatalog));

        var titles = movies.ToDictionary(m => m.Id, m => m.Title, StringComparer.Ordinal);
        foreach (var (movie, triples) in answers.Take(5))
        {
            var similar = triples.Where(t => t.Relation == "similar_to").Select(t => titles[t.Tail]);
            Console.WriteLine($"  {movie.Title} → similar_to {string.Join(", ", similar)}");
        }

        return 0;
    }

    private static List<(Movie Movie, IReadOnlyList<KgTriple> Triples)> AskAsync(
        OfflineChatClient chat, LlmField<Movie, IReadOnlyList<KgTriple>> facts, List<Movie> movies, AnswerConstraints constraints) =>
        [.. Task.WhenAll(movies.Select(async movie =>
        {
            var options = new ChatOptions { AdditionalProperties = new() { [AnswerConstraints.ChatOptionsKey] = constraints.ForItem(movie.Id, null) } };
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, facts.RenderPrompt(movie))], options).ConfigureAwait(false);
            var read = TripleAnswers.ReadTriples(response.Text, constraints.Relations, constraints.MaxCount);
            return read.IsValid ? (movie, read.Value) : throw new InvalidOperationException($"Movie {movie.Id}: the offline answer is invalid ({read.Error}).");
        })).GetAwaiter().GetResult()];

    private static T Time<T>(string what, Process process, Func<T> run)
    {
        process.Refresh();
        var (cpu, clock) = (process.TotalProcessorTime, Stopwatch.StartNew());
        var result = run();
        process.Refresh();
        Console.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:F1} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s CPU; load average {LoadAverage()}");
        return result;
    }
}

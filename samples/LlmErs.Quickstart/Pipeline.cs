using LlmErs;
using LlmErs.Local;
using LlmErs.Samples.Catalog;
using LlmErs.Vectors;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace LlmErs.Quickstart;

/// <summary>
/// The offline half of LLMERS, the same for every data source: enrich the catalog through the chat client, embed it with
/// the local model, assign semantic IDs, and write the features (Parquet and JSONL) and the run report. Answers and
/// vectors are cached in the output folder, so a rerun makes no model call for what did not change.
/// </summary>
internal sealed class Pipeline(ChatSetup chat, MiniLmEmbeddingGenerator embeddings)
{
    public async Task<EnrichmentReport> RunAsync(IReadOnlyList<Movie> movies, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        await using var cache = new SqliteEnrichmentCache(Path.Combine(outputDirectory, "cache.db"));
        using var engine = new EnrichmentEngine(chat.Client, cache, Options.Create(chat.Options));

        var enrichment = await ConsoleOutput.WithProgressAsync("Enriching", movies.Count, progress =>
            engine.RunAsync(movies, new EnrichmentRunOptions { Progress = new Progress<EnrichmentProgress>(p => progress(p.Done)) }, cancellationToken));
        // Preformatted text: Spectre would wrap its table rows at the console width.
        Console.WriteLine(enrichment.ToString());
        await enrichment.WriteJsonAsync(Path.Combine(outputDirectory, "enrichment-report.json"), cancellationToken);
        if (enrichment.Succeeded == 0 && enrichment.Failures.Count > 0)
        {
            throw new SampleException(
                $"Enrichment failed for every movie; the first failure: {enrichment.Failures[0].Message} " +
                $"Check the endpoint, the model name and {SampleOptions.ApiKeyVariable}, or run without --endpoint to use the offline client.");
        }

        var embedded = await ConsoleOutput.WithProgressAsync($"Embedding ({MiniLmEmbeddingGenerator.ModelId})", movies.Count, progress =>
            new EmbeddingStage(embeddings, cache).EmbedAsync(movies, new Progress<int>(progress), cancellationToken));
        AnsiConsole.MarkupLine($"Embedded {embedded.Vectors} vectors ({embedded.CacheHits} from the cache) in {embedded.WallTime.TotalSeconds:F1} s.");

        foreach (var assignment in SemanticIdStage.Assign(movies, cancellationToken: cancellationToken))
        {
            var quality = assignment.Quality;
            AnsiConsole.MarkupLine($"Semantic IDs of {assignment.Field}: collision rate {quality.CollisionRate:P1} before de-duplication, relative reconstruction error {quality.RelativeError:F3}.");
        }

        await FeatureFile.WriteAsync(movies, FeatureOutput.Parquet(Path.Combine(outputDirectory, "movies.parquet")), cancellationToken);
        await FeatureFile.WriteAsync(movies, FeatureOutput.JsonLines(Path.Combine(outputDirectory, "movies.jsonl")), cancellationToken);
        ConsoleOutput.ShowEnriched(movies.Take(3));
        return enrichment;
    }
}

using LlmErs;
using LlmErs.Local;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace LlmErs.Quickstart;

/// <summary>
/// The offline half of LLMERS, the same for every data source: one <see cref="OfflinePipeline{TItem}"/> run that enriches
/// the catalog through the chat client, embeds it with the local model, assigns semantic IDs, and writes the features
/// (Parquet and JSONL, with a status column per derived field), the serving vectors (movies.vec), the run report and
/// the manifest. Answers and vectors are cached in the output folder, so a rerun makes no model call for what did not change.
/// </summary>
internal sealed class Pipeline(ChatSetup chat, MiniLmEmbeddingGenerator embeddings)
{
    public const string VectorStoreFileName = "movies.vec";

    public async Task<PipelineReport> RunAsync(IReadOnlyList<Movie> movies, string outputDirectory, CancellationToken cancellationToken)
    {
        await using var cache = new SqliteEnrichmentCache(Path.Combine(outputDirectory, "cache.db"));
        using var engine = new EnrichmentEngine(chat.Client, cache, Options.Create(chat.Options));
        var options = new OfflinePipelineOptions
        {
            OutputDirectory = outputDirectory,
            FeatureOutputs =
            {
                FeatureOutput.Parquet(Path.Combine(outputDirectory, "movies.parquet")),
                FeatureOutput.JsonLines(Path.Combine(outputDirectory, "movies.jsonl")),
            },
            VectorStorePaths = { [nameof(Movie.Content)] = Path.Combine(outputDirectory, VectorStoreFileName) },
        };
        var pipeline = new OfflinePipeline<Movie>(engine, cache, Options.Create(options), embeddings);

        var result = await ConsoleOutput.WithStageProgressAsync(progress => pipeline.RunAsync(movies, progress, cancellationToken));
        // Preformatted text: Spectre would wrap its table rows at the console width.
        Console.WriteLine(result.Report.ToString());
        var enrichment = result.Report.Enrichment;
        if (enrichment.Succeeded == 0 && enrichment.Failures.Count > 0)
        {
            throw new SampleException(
                $"Enrichment failed for every movie; the first failure: {enrichment.Failures[0].Message} " +
                $"Check the endpoint, the model name and {SampleOptions.ApiKeyVariable}, or run without --endpoint to use the offline client.");
        }

        AnsiConsole.MarkupLine($"Run manifest: [blue]{Markup.Escape(result.ManifestPath)}[/] (run {result.Manifest.RunId}).");
        ConsoleOutput.ShowEnriched(movies.Take(3));
        return result.Report;
    }
}

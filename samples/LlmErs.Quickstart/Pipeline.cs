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

    /// <summary>The answers and vectors of every run into the output folder (SQLite).</summary>
    public const string CacheFileName = "cache.db";

    /// <summary>The faithfulness threshold of Pitch (cosine with its prompt, all-MiniLM-L6-v2).</summary>
    private const double PitchFaithfulness = 0.2;

    public async Task<PipelineReport> RunAsync(IReadOnlyList<Movie> movies, string outputDirectory, CancellationToken cancellationToken)
    {
        await using var cache = new SqliteEnrichmentCache(Path.Combine(outputDirectory, CacheFileName));
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
        // The gate's vectors are cached with the answers, so a rerun embeds nothing it embedded before. The local model
        // sorts a call's texts by length before padding them to one another: calls of the default 64 answers (128
        // texts) padded 21%, calls of 512 answers 5%.
        var faithfulness = new FaithfulnessGate<Movie>(
            new CachedEmbeddingGenerator(embeddings, cache),
            new FaithfulnessGateOptions { FieldThresholds = { [nameof(Movie.Pitch)] = PitchFaithfulness }, BatchSize = 512 });
        var pipeline = new OfflinePipeline<Movie>(engine, cache, Options.Create(options), embeddings, Gates(cache, faithfulness));

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

        Console.WriteLine(result.Report.Governance.ToMarkdown());
        // The gate's own cosines: measuring again would embed every pitch and prompt a second time.
        Console.WriteLine(faithfulness.Calibrations[nameof(Movie.Pitch)]);
        AnsiConsole.MarkupLine($"Run manifest: [blue]{Markup.Escape(result.ManifestPath)}[/] (run {result.Manifest.RunId}).");
        ConsoleOutput.ShowEnriched(movies.Take(3));
        return result.Report;
    }

    /// <summary>
    /// The governance gates, in order; the word gate of Pitch's BlockedWords runs first by itself. The faithfulness
    /// threshold sits below the calibration the run prints. The boilerplate, copied-input and fact-check gates judge what a
    /// model adds to the item's text, so they run only with a model: the offline client's pitch is the item's own text by
    /// design, and the synthetic catalog gives up to six movies the same genres and plot, so the first two would quarantine
    /// every pitch. The same model judges a seeded 10% of the pitches; a violation rate whose upper bound passes 20% fails
    /// the run (exit code 3).
    /// </summary>
    private IPipelineGate<Movie>[] Gates(IEnrichmentCache cache, FaithfulnessGate<Movie> faithfulness)
    {
        if (chat.IsExtractive)
        {
            return [faithfulness];
        }

        var judge = new EnrichmentOptions { ModelId = chat.Options.ModelId, MaxConcurrency = chat.Options.MaxConcurrency };
        return
        [
            new DuplicateGate<Movie>(),
            new CopiedInputGate<Movie>(),
            faithfulness,
            new FactCheckGate<Movie>(chat.Client, cache, new FactCheckOptions { SampleRate = 0.1, MaxViolationRate = 0.2, Judge = judge }),
        ];
    }}

using System.Diagnostics;
using LlmErs.Local;
using LlmErs.Quickstart;
using LlmErs.Quickstart.MovieLens;
using LlmErs.Quickstart.Synthetic;
using LlmErs.Samples.Catalog;
using LlmErs.Vectors;
using Spectre.Console;

// The whole LLMERS pipeline: enrich → embed → semantic IDs → features → serve without an LLM → ablation (train and
// evaluate). On a synthetic catalog by default or on MovieLens; with no network and no key unless an OpenAI-compatible
// endpoint is configured, in which case a real model enriches (see the README). The drift verb compares two runs.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (args is [DriftCommand.Verb, .. var driftArguments])
{
    return await DriftCommand.RunAsync(driftArguments, Console.Out, Console.Error, cancellation.Token);
}

SampleOptions? options;
try
{
    options = SampleOptions.Parse(args, Environment.GetEnvironmentVariable);
}
catch (SampleException e)
{
    Console.Error.WriteLine($"{e.Message}\n\n{SampleOptions.Usage}");
    return 2;
}

if (options is null)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}

try
{
    await RunAsync(options, cancellation.Token);
    return 0;
}
catch (SampleException e)
{
    Console.Error.WriteLine(LlmErs.SecretMask.Apply(e.Message));
    return 2;
}
catch (LlmErs.EnrichmentStoppedException e)
{
    return await StoppedRun.ReportAsync(e, options.OutputDirectory, Console.Error);
}
catch (LlmErs.GovernanceException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled. The answers and vectors computed so far are cached; a rerun starts from them.");
    return 130;
}

static async Task RunAsync(SampleOptions options, CancellationToken cancellationToken)
{
    var stopwatch = Stopwatch.StartNew();
    IDataSource data = options.MovieLensDirectory is { } directory
        ? MovieLensData.Load(directory, options.UseTags, ExperimentSettings.Tuned, options.Command, cancellationToken)
        : SyntheticData.Generate();
    if (data is MovieLensData movieLens)
    {
        movieLens.FullAblation = options.FullAblation;
    }

    Directory.CreateDirectory(options.OutputDirectory);
    AnsiConsole.MarkupLine($"[bold]LlmErs[/]: {Markup.Escape(data.Description)} → {Markup.Escape(options.OutputDirectory)}");

    using var embeddings = new MiniLmEmbeddingGenerator();
    using var chat = ChatSetup.Create(options.Endpoint, embeddings);
    AnsiConsole.MarkupLine($"Chat client: {Markup.Escape(chat.Description)}");
    if (options.UseBatch)
    {
        chat.Options.Batch = options.Endpoint!.CreateBatchOptions(Path.Combine(options.OutputDirectory, "batches"));
        AnsiConsole.MarkupLine($"Batch mode: the requests go through the Batch API first (recorded in {Markup.Escape(chat.Options.Batch.StateDirectory)}); the rest live.");
    }

    await new Pipeline(chat, embeddings).RunAsync(data.Movies, options.OutputDirectory, cancellationToken);

    var ablationStart = stopwatch.Elapsed;
    var profiles = new ViewerProfiles(chat, embeddings, options.OutputDirectory, data.Ratings);
    var served = await data.RunAblationAsync(options.OutputDirectory, embeddings, chat, profiles, cancellationToken);
    Console.WriteLine($"Stage time: ablation {(stopwatch.Elapsed - ablationStart).TotalSeconds:F1} s.");
    var servingFolder = OnlineServing.Export(served, options.OutputDirectory, cancellationToken);

    var (user, history) = OnlineServing.ExampleUser(data.Interactions);
    var byId = data.Movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);
    IEnumerable<(Movie, float)> Movies(IReadOnlyList<Recommendation> list) => list.Select(r => (byId[r.ItemId], r.Score));
    ConsoleOutput.ShowRecommendations(
        user,
        [.. history.Select(id => byId[id])],
        ($"{served.Name} (trained, exported to {OnlineServing.ServingFolder}/)", Movies(OnlineServing.RecommendForUser(servingFolder, user, count: 5))),
        ("Content only (mean MiniLM vector of the history)", Movies(OnlineServing.RecommendByContent(history, Path.Combine(options.OutputDirectory, Pipeline.VectorStoreFileName), count: 5))));

    AnsiConsole.MarkupLine(
        $"Features: [blue]{Markup.Escape(Path.Combine(options.OutputDirectory, "movies.parquet"))}[/] and movies.jsonl (a status column per derived field); " +
        $"run report: report.json; manifest: manifest.json; content vectors: {Pipeline.VectorStoreFileName}; " +
        $"trained model: {OnlineServing.ModelFileName}, exported to {OnlineServing.ServingFolder}/ for the serving host. Done in {stopwatch.Elapsed:m\\:ss}.");
}

using LlmErs.Recommenders;
using LlmErs.Local;
using LlmErs.Samples.Catalog;
using LlmErs.Samples.Catalog.Synthetic;
using Spectre.Console;

namespace LlmErs.Quickstart.Synthetic;

/// <summary>The synthetic catalog and viewing log: runs anywhere, with no data download.</summary>
internal sealed class SyntheticData : IDataSource
{
    private readonly IReadOnlyDictionary<string, byte[]> _posters;

    private SyntheticData(IReadOnlyList<Movie> movies, InteractionLog interactions, IReadOnlyDictionary<string, byte[]> posters)
    {
        Movies = movies;
        Interactions = interactions;
        _posters = posters;
    }

    public string Description => $"{Movies.Count} synthetic movies, {Interactions.Count:N0} viewings";

    public IReadOnlyList<Movie> Movies { get; }

    public InteractionLog Interactions { get; }

    public InteractionLog? Ratings => null;

    public static SyntheticData Generate()
    {
        var catalog = SyntheticCatalog.Generate();
        var log = new InteractionLogBuilder();
        foreach (var viewing in catalog.Viewings)
        {
            log.Add(viewing.ViewerId, viewing.MovieId, viewing.Timestamp);
        }

        var posters = catalog.Movies.Zip(catalog.PaintPosters()).ToDictionary(pair => pair.First.Id, pair => pair.Second, StringComparer.Ordinal);
        return new SyntheticData(catalog.Movies, log.Build(), posters);
    }

    public async Task<ServedModel> RunAblationAsync(string outputDirectory, MiniLmEmbeddingGenerator embeddings, ChatSetup chat, ViewerProfiles profiles, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine("[bold]Ablation[/] (leave-one-out by time):");
        var split = LeaveOneOutSplitter.Split(Interactions);
        var byId = Movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);
        var userProfile = await profiles.CreateBlockAsync(split, byId, AnsiConsole.Console, cancellationToken);
        using var userProfileValues = userProfile.Values;
        var pairs = await LlmChosenPairs.ChooseAsync(split, byId, chat, outputDirectory, AnsiConsole.Console, cancellationToken);
        var ablation = await SyntheticAblation.RunAsync(
            split, Movies, _posters, pairs, userProfile, outputDirectory, new ConsoleProgress(), cancellationToken);
        var markdown = ablation.ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "ablation.md"), markdown, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "ablation.json"), ablation.ToJson(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "ndcg-by-popularity.svg"), ablation.ToSvgChart(), cancellationToken);
        ConsoleOutput.ShowMarkdown(markdown);
        AnsiConsole.MarkupLine("Ablation: ablation.md, ablation.json and ndcg-by-popularity.svg.");
        return ServedModel.From(ablation, "Two-tower", split);
    }
}

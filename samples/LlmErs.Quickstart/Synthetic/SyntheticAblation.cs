using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Spectre.Console;

namespace LlmErs.Quickstart.Synthetic;

/// <summary>
/// Trains and evaluates the baselines and the LLM-enhanced models on the synthetic log (leave-one-out by time), with
/// each LLM-derived feature block removed in turn, the viewers' profiles included: which enriched field carries the gain.
/// </summary>
internal static class SyntheticAblation
{
    public static AblationResult Run(DataSplit split, IReadOnlyList<Movie> catalog, FeatureBlock userProfile, IProgress<AblationProgress>? progress, CancellationToken cancellationToken)
    {
        var byId = catalog.ToDictionary(movie => movie.Id);
        var movies = split.ItemIds.Keys.Select(id => byId[id]).ToList();
        var model = EnrichmentModel.Of<Movie>();
        var content = (EmbeddingField<Movie>)model.Field(nameof(Movie.Content));

        using var contentBlock = FieldFeatures.Vectors(movies, content);
        if (contentBlock.MissingRows > 0)
        {
            // A movie whose pitch a gate quarantined has no content vector: it trains on zeros plus the missing indicator.
            AnsiConsole.MarkupLine($"[yellow]{contentBlock.MissingRows} of {movies.Count} movies have no content vector[/] (a field it reads was quarantined or failed); they get the '{content.Name}={FieldFeatures.Missing}' indicator.");
        }

        using var moods = FieldFeatures.Answers(movies, (LlmField<Movie>)model.Field(nameof(Movie.Moods)));
        using var setting = FieldFeatures.Answers(movies, (LlmField<Movie>)model.Field(nameof(Movie.Setting)));
        FeatureBlock[] blocks = [new("content embedding", contentBlock.Values), new("moods", moods.Values), new("setting", setting.Values), userProfile];
        return new AblationRunner(logger: new ConsoleWarnings()).Run(split, blocks, progress, cancellationToken);
    }
}

using LlmErs.Quickstart.MovieLens;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Spectre.Console;

namespace LlmErs.Quickstart.Synthetic;

/// <summary>
/// Trains and evaluates the baselines and the LLM-enhanced models on the synthetic log (leave-one-out by time), with
/// each LLM-derived feature block removed in turn, the viewers' profiles included: which enriched field carries the
/// gain. The "image" block is the movies' posters, embedded and aligned into the content space
/// (<see cref="PosterFeatures"/>); the LLM-chosen pairs train a BPR beside the ID-only one. Poster vectors and trained
/// rows are kept in the output folder, so a rerun with the same inputs embeds no poster and trains no row.
/// </summary>
internal static class SyntheticAblation
{
    public static async Task<AblationResult> RunAsync(
        DataSplit split, IReadOnlyList<Movie> catalog, IReadOnlyDictionary<string, byte[]> posters, AugmentedPairs pairs,
        FeatureBlock userProfile, string outputDirectory, IProgress<AblationProgress>? progress, CancellationToken cancellationToken)
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
        using var image = await PosterFeatures.CreateAsync(movies, posters, content, outputDirectory, cancellationToken);
        using var entities = EntityFeatures.Triples(movies, (LlmField<Movie, IReadOnlyList<KgTriple>>)model.Field(nameof(Movie.Facts)));
        FeatureBlock[] blocks =
        [
            new("content embedding", contentBlock.Values), new("moods", moods.Values), new("setting", setting.Values),
            new(MovieFeatures.KgEntities, entities.Values), new("image", image), userProfile,
        ];
        var models = AblationModel.Defaults().SelectMany(model => model.Name == AblationModel.IdOnlyBprName
            ? [model, model.WithAugmentedPairs("BPR + LLM-chosen pairs")]
            : new[] { model });
        var options = new AblationOptions { Models = [.. models], AugmentedPairs = pairs, BlockRemovalModels = ["Two-tower"], CacheDirectory = Path.Combine(outputDirectory, IDataSource.AblationCacheFolder) };
        return new AblationRunner(options, new ConsoleWarnings()).Run(split, blocks, progress, cancellationToken);
    }
}

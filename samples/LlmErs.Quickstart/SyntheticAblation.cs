using LlmErs.Ablation;
using LlmErs.Data;
using LlmErs.Samples.Catalog;
using LlmErs.Samples.Catalog.Synthetic;
using LlmErs.Vectors;

namespace LlmErs.Quickstart;

/// <summary>
/// Trains and evaluates the baselines and the LLM-enhanced models on the synthetic log (leave-one-out by time), with
/// each LLM-derived feature block removed in turn: which enriched field carries the gain.
/// </summary>
internal static class SyntheticAblation
{
    public static AblationResult Run(SyntheticCatalog catalog, IProgress<AblationProgress>? progress = null)
    {
        var log = new InteractionLogBuilder();
        foreach (var viewing in catalog.Viewings)
        {
            log.Add(viewing.ViewerId, viewing.MovieId, viewing.Timestamp);
        }

        var split = LeaveOneOutSplitter.Split(log.Build());
        var byId = catalog.Movies.ToDictionary(m => m.Id);
        var movies = split.ItemIds.Keys.Select(id => byId[id]).ToList();
        var moods = Vocabulary((LlmField<Movie>)EnrichmentModel.Of<Movie>().Field(nameof(Movie.Moods)));

        using var content = Block(movies, 384, (movie, row) => movie.Content.Span.CopyTo(row));
        using var moodTags = Block(movies, moods.Length, (movie, row) =>
        {
            foreach (var mood in movie.Moods)
            {
                row[Array.IndexOf(moods, mood)] = 1;
            }
        });
        string[] settings = ["City", "Countryside", "Sea", "Space", "Fantasy world", "Other"];
        using var setting = Block(movies, settings.Length, (movie, row) =>
        {
            if (movie.Setting is { } value)
            {
                row[Array.IndexOf(settings, value)] = 1;
            }
        });

        FeatureBlock[] blocks = [new("content embedding", content), new("moods", moodTags), new("setting", setting)];
        return new AblationRunner().Run(split, blocks, progress);
    }

    private static VectorMatrix Block(List<Movie> movies, int width, Action<Movie, Span<float>> fill)
    {
        var values = new float[movies.Count * width];
        for (var i = 0; i < movies.Count; i++)
        {
            fill(movies[i], values.AsSpan(i * width, width));
        }

        return VectorMatrix.Create(values, width);
    }

    /// <summary>The tag vocabulary, read from the generated schema rather than repeated here.</summary>
    private static string[] Vocabulary(LlmField<Movie> field)
    {
        using var schema = System.Text.Json.JsonDocument.Parse(field.JsonSchema);
        return [.. schema.RootElement.GetProperty("properties").GetProperty("value").GetProperty("items").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!)];
    }
}

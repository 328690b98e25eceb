using LlmErs.Recommenders;
using LlmErs.Quickstart;
using LlmErs.Quickstart.MovieLens;
using LlmErs.Samples.Catalog;
using LlmErs.Vectors;

namespace LlmErs.Samples.Tests;

public sealed class FeatureBlockTests
{
    private static readonly LlmField<Movie> Moods = Field(nameof(Movie.Moods));
    private static readonly LlmField<Movie> FamilyFriendly = Field(nameof(Movie.FamilyFriendly));
    private static readonly LlmField<Movie> Pacing = Field(nameof(Movie.Pacing));
    private static readonly LlmField<Movie> Setting = Field(nameof(Movie.Setting));

    [Fact]
    public void SlotColumns_ComeFromTheGeneratedConstraints()
    {
        Assert.Equal(
            [
                "Moods=dark", "Moods=uplifting", "Moods=tense", "Moods=funny", "Moods=romantic", "Moods=thoughtful",
                "FamilyFriendly=true", "FamilyFriendly=false", "FamilyFriendly=unknown",
                "Pacing=Slow", "Pacing=Steady", "Pacing=Fast", "Pacing=unknown",
                "Setting=City", "Setting=Countryside", "Setting=Sea", "Setting=Space", "Setting=Fantasy world", "Setting=Other", "Setting=unknown",
            ],
            SlotColumns);
        Assert.Equal(
            [nameof(Movie.FamilyFriendly), nameof(Movie.Moods), nameof(Movie.Pacing), nameof(Movie.Setting)],
            MovieFeatures.SlotFields.Select(field => field.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LlmSlots_MultiHotForTags_OneHotForEachSingleValue_UnknownIncluded()
    {
        Movie[] movies =
        [
            Enriched("a", moods: ["funny", "dark"], familyFriendly: true, pacing: Pace.Fast, setting: "Sea"),
            Enriched("b", moods: [], familyFriendly: null, pacing: null, setting: null),
            Enriched("c", moods: ["thoughtful"], familyFriendly: false, pacing: Pace.Slow, setting: "Fantasy world"),
        ];

        using var slots = FieldFeatures.Answers(movies, MovieFeatures.SlotFields);
        var block = slots.Values;

        Assert.Equal(3, block.Count);
        Assert.Equal(20, block.Dimension);
        Assert.Equal(["dark", "funny"], Hot(block, 0, Moods));
        Assert.Equal(["true"], Hot(block, 0, FamilyFriendly));
        Assert.Equal(["Fast"], Hot(block, 0, Pacing));
        Assert.Equal(["Sea"], Hot(block, 0, Setting));
        Assert.Empty(Hot(block, 1, Moods));
        Assert.Equal(["unknown"], Hot(block, 1, FamilyFriendly));
        Assert.Equal(["unknown"], Hot(block, 1, Pacing));
        Assert.Equal(["unknown"], Hot(block, 1, Setting));
        Assert.Equal(["thoughtful"], Hot(block, 2, Moods));
        Assert.Equal(["false"], Hot(block, 2, FamilyFriendly));
        Assert.Equal(["Slow"], Hot(block, 2, Pacing));
        Assert.Equal(["Fantasy world"], Hot(block, 2, Setting));
        Assert.All(block.Values.ToArray(), value => Assert.True(value is 0 or 1));
    }

    [Fact]
    public void MovieFeatures_OneRowPerItemOfTheSplit_InItsOrder()
    {
        Movie[] movies =
        [
            Enriched("m1", genres: ["Animation", "comedy"], moods: ["funny"]),
            Enriched("m2", genres: ["Drama"], moods: ["dark"], facts: [new("set_in", "The Sea"), new("has_theme", "war", TripleStatus.Dropped, "No war.")]),
            Enriched("m3", genres: ["Comedy", "Drama"], moods: ["romantic"]),
            Enriched("m4", genres: [], moods: ["tense"]),
        ];
        var log = new InteractionLogBuilder();
        var time = 0L;
        foreach (var (user, items) in new[] { ("u1", "m4 m1 m2 m3"), ("u2", "m3 m2 m1"), ("u3", "m2 m3 m1 m4") })
        {
            foreach (var item in items.Split(' '))
            {
                log.Add(user, item, ++time);
            }
        }

        var split = LeaveOneOutSplitter.Split(log.Build());
        using var builder = new VectorStoreBuilder("test-model", 2);
        foreach (var (movie, i) in movies.Select((movie, i) => (movie, i)))
        {
            builder.Add(movie.Id, [i, 10 * i]);
        }

        using var store = builder.Build();
        var tags = new Dictionary<string, IReadOnlyList<string>> { ["m1"] = ["Pixar", "toys"], ["m3"] = ["pixar"], ["m4"] = ["once"] };

        using var features = MovieFeatures.Create(split, movies.ToDictionary(movie => movie.Id), store, tags);

        Assert.Equal(
            [MovieFeatures.TextEmbedding, MovieFeatures.Genres, MovieFeatures.LlmSlots, MovieFeatures.KgEntities, MovieFeatures.Tags],
            features.Blocks.Select(block => block.Name));
        // Genres Animation, Comedy, Drama (case-insensitive); one column per relation and entity (12 + 7 + 5); a tag on one movie only is no column.
        Assert.Equal([2, 3, 20, 24, 1], features.Blocks.Select(block => block.Values.Dimension));
        var seaColumn = 12 + 1;
        Assert.All(features.Blocks, block => Assert.Equal(split.ItemCount, block.Values.Count));

        // The text block is the principal components of the movies' vectors, taken in the split's item order.
        using var vectors = VectorMatrix.Create([.. Enumerable.Range(0, split.ItemCount).SelectMany(row => store.GetVector(split.ItemIds[row]).ToArray())], 2);
        using var components = EmbeddingProjection.Pca(vectors, 2);
        for (var row = 0; row < split.ItemCount; row++)
        {
            var movie = movies.Single(movie => movie.Id == split.ItemIds[row]);
            Assert.Equal(components.GetRow(row).ToArray(), features.Blocks[0].Values.GetRow(row).ToArray());
            Assert.Equal(
                new[] { "Animation", "Comedy", "Drama" }.Select(genre => movie.Genres.Contains(genre, StringComparer.OrdinalIgnoreCase) ? 1f : 0f),
                features.Blocks[1].Values.GetRow(row).ToArray());
            Assert.Equal(movie.Moods, Hot(features.Blocks[2].Values, row, Moods));
            // Only m2's kept triple is hot; its dropped one is not.
            Assert.Equal(movie.Id == "m2" ? [seaColumn] : [], Enumerable.Range(0, 24).Where(column => features.Blocks[3].Values.GetRow(row)[column] == 1));
            Assert.Equal(movie.Id is "m1" or "m3" ? 1f : 0f, features.Blocks[4].Values.GetRow(row)[0]);
        }
    }

    [Fact]
    public void MovieFeatures_WithoutTags_HasNoTagBlock()
    {
        var log = new InteractionLogBuilder();
        log.Add("u1", "m1", 1);
        log.Add("u1", "m2", 2);
        log.Add("u1", "m3", 3);
        var split = LeaveOneOutSplitter.Split(log.Build());
        using var builder = new VectorStoreBuilder("test-model", 2);
        foreach (var id in split.ItemIds.Keys)
        {
            builder.Add(id, [1, 0]);
        }

        using var store = builder.Build();

        using var features = MovieFeatures.Create(split, split.ItemIds.Keys.ToDictionary(id => id, id => Enriched(id)), store, tags: null);

        Assert.Equal([MovieFeatures.TextEmbedding, MovieFeatures.Genres, MovieFeatures.LlmSlots, MovieFeatures.KgEntities], features.Blocks.Select(block => block.Name));
    }

    /// <summary>The column names of the LLM slots block, in order.</summary>
    private static IReadOnlyList<string> SlotColumns { get; } = SlotColumnsOf();

    private static IReadOnlyList<string> SlotColumnsOf()
    {
        using var empty = FieldFeatures.Answers(Array.Empty<Movie>(), MovieFeatures.SlotFields);
        return empty.ColumnNames;
    }

    /// <summary>The choices of <paramref name="field"/> that are hot in a row of the LLM slots block.</summary>
    private static string[] Hot(VectorMatrix block, int row, LlmField<Movie> field)
    {
        var prefix = field.Name + "=";
        var values = block.GetRow(row).ToArray();
        return [.. SlotColumns.Select((name, column) => (name, column))
            .Where(entry => entry.name.StartsWith(prefix, StringComparison.Ordinal) && values[entry.column] == 1)
            .Select(entry => entry.name[prefix.Length..])];
    }

    private static Movie Enriched(
        string id, string[]? genres = null, string[]? moods = null, bool? familyFriendly = null, Pace? pacing = null, string? setting = null,
        KgTriple[]? facts = null) =>
        new()
        {
            Id = id,
            Title = $"Movie {id}",
            Genres = genres ?? [],
            Moods = moods ?? [],
            FamilyFriendly = familyFriendly,
            Pacing = pacing,
            Setting = setting,
            Facts = facts ?? [],
        };

    private static LlmField<Movie> Field(string name) => (LlmField<Movie>)EnrichmentModel.Of<Movie>().Field(name);
}

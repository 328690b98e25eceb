using LlmErs.Samples.Catalog;

namespace LlmErs.Generators.Tests.Consumer;

/// <summary>Compile-and-run: the sample catalog's <see cref="Movie"/> is generated at build time; these tests call that code.</summary>
public sealed class GeneratedMovieTests
{
    private static readonly EnrichmentModel<Movie> Model = EnrichmentModel.Of<Movie>();

    private static Movie NewMovie() => new()
    {
        Id = "m1",
        Title = "Harbor Lights",
        Year = 1998,
        Genres = ["Drama", "Romance"],
        Overview = "Two keepers fall in love.",
    };

    [Fact]
    public void Fields_come_in_dependency_order()
    {
        Assert.Equal(["Pitch", "Moods", "FamilyFriendly", "Pacing", "Setting", "Facts", "Content", "Sid"], Model.Fields.Select(f => f.Name));
        Assert.Equal(["Pitch", "Moods"], Model.Field("Content").DependsOn);
        Assert.Equal(["Content"], Model.Field("Sid").DependsOn);
        Assert.Empty(Model.Field("Pitch").DependsOn);
        Assert.Equal("Id", Model.KeyMember);
        Assert.Equal("m1", Model.KeyOf(NewMovie()));
    }

    [Fact]
    public void Prompts_render_from_the_item()
    {
        var movie = NewMovie();
        var pitch = (LlmField<Movie>)Model.Field("Pitch");

        Assert.Equal("Who would enjoy Harbor Lights (1998)? Genres: Drama, Romance. Plot: Two keepers fall in love.", pitch.RenderPrompt(movie));

        var bare = new Movie { Id = "m2", Title = "Quiet" };
        Assert.Equal("Who would enjoy Quiet? Genres: .", pitch.RenderPrompt(bare));
    }

    [Fact]
    public void Embedding_text_reads_derived_fields()
    {
        var movie = NewMovie();
        var moods = (LlmField<Movie>)Model.Field("Moods");
        Assert.True(moods.TryApply(movie, """{"value":["ROMANTIC","dark"]}""", out _));
        movie.Pitch = "Romantics.";

        var content = Assert.Single(Model.EmbeddingFields);
        Assert.Equal(384, content.Dimensions);
        Assert.Equal("Harbor Lights. Drama, Romance. Romantics. Moods: romantic, dark.", content.RenderText(movie));
    }

    [Fact]
    public void Answers_are_validated_and_applied()
    {
        var movie = NewMovie();
        var moods = (LlmField<Movie, IReadOnlyList<string>>)Model.Field("Moods");

        Assert.False(moods.TryApply(movie, """{"value":["cozy"]}""", out var error));
        Assert.Contains("\"cozy\" is not allowed", error);
        Assert.Empty(movie.Moods);

        Assert.False(moods.TryApply(movie, """{"value":[]}""", out error));
        Assert.Contains("at least 1", error);

        Assert.False(moods.TryApply(movie, """{"value":["dark","tense","funny","romantic"]}""", out error));
        Assert.Contains("at most 3", error);

        Assert.True(moods.TryApply(movie, "```json\n{\"value\":[\" Tense \"]}\n```", out error), error);
        Assert.Equal(["tense"], movie.Moods);
    }

    [Fact]
    public void Repeated_tags_are_removed_and_the_rest_is_held_to_the_bounds()
    {
        var movie = NewMovie();
        var moods = (LlmField<Movie, IReadOnlyList<string>>)Model.Field("Moods");

        // Four entries, three distinct: within Max = 3 once the repeat is gone.
        Assert.True(moods.TryApply(movie, """{"value":["dark","tense","Dark","romantic"]}""", out var error), error);
        Assert.Equal(["dark", "tense", "romantic"], movie.Moods);

        Assert.False(moods.TryApply(movie, """{"value":["dark","tense","DARK","funny","romantic"]}""", out error));
        Assert.Contains("at most 3", error);
    }

    [Fact]
    public void Typed_slots_parse_to_their_types()
    {
        var movie = NewMovie();
        var family = (LlmField<Movie, bool?>)Model.Field("FamilyFriendly");
        var pacing = (LlmField<Movie, Pace?>)Model.Field("Pacing");
        var setting = (LlmField<Movie, string?>)Model.Field("Setting");

        Assert.Null(family.Parse("""{"value":null}""").Value);
        Assert.True(family.Parse("""{"value":null}""").IsValid);
        Assert.True(family.Parse("""{"value":true}""").Value);
        Assert.Contains("true or false", family.Parse("""{"value":"yes"}""").Error);

        Assert.Equal(Pace.Fast, pacing.Parse("""{"value":"fast"}""").Value);
        Assert.Contains("\"Sluggish\" is not allowed", pacing.Parse("""{"value":"Sluggish"}""").Error);

        Assert.True(setting.TryApply(movie, """{"value":"sea"}""", out _));
        Assert.Equal("Sea", movie.Setting);
    }

    [Fact]
    public void Formatted_answers_parse_back_to_the_same_value()
    {
        var movie = NewMovie();
        movie.Pitch = "For \"romantics\" — and sailors.";
        movie.Moods = ["dark", "romantic"];
        movie.FamilyFriendly = false;
        movie.Pacing = Pace.Slow;
        movie.Setting = null;

        var copy = NewMovie();
        foreach (var field in Model.LlmFields)
        {
            Assert.True(field.TryApply(copy, field.FormatAnswer(movie), out var error), $"{field.Name}: {error}");
        }

        Assert.Equal(movie.Pitch, copy.Pitch);
        Assert.Equal(movie.Moods, copy.Moods);
        Assert.Equal(movie.FamilyFriendly, copy.FamilyFriendly);
        Assert.Equal(movie.Pacing, copy.Pacing);
        Assert.Null(copy.Setting);
    }

    [Fact]
    public void Schemas_constrain_the_answer()
    {
        var moods = (LlmField<Movie>)Model.Field("Moods");
        using var schema = System.Text.Json.JsonDocument.Parse(moods.JsonSchema);
        var value = schema.RootElement.GetProperty("properties").GetProperty("value");

        Assert.Equal(["value"], schema.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["dark", "uplifting", "tense", "funny", "romantic", "thoughtful"],
            value.GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, value.GetProperty("minItems").GetInt32());
        Assert.Equal(3, value.GetProperty("maxItems").GetInt32());

        var family = (LlmField<Movie>)Model.Field("FamilyFriendly");
        Assert.Equal("Answer null when the text does not say enough to decide.", family.Instructions);
        Assert.Contains("[\"boolean\",\"null\"]", family.JsonSchema);
    }

    [Fact]
    public void Fingerprints_are_distinct_and_stable_hex()
    {
        var fingerprints = Model.Fields.Select(f => f.Fingerprint).ToList();
        Assert.All(fingerprints, f => Assert.Matches("^[0-9a-f]{32}$", f));
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }

    [Fact]
    public void Feature_rows_follow_the_columns()
    {
        var movie = NewMovie();
        movie.Pitch = "Romantics.";
        movie.Moods = ["romantic"];
        movie.Pacing = Pace.Steady;
        movie.Facts = [new KgTriple("has_theme", "love"), new KgTriple("set_in", "the sea", TripleStatus.Dropped, "Not at sea.")];
        movie.Content = new float[] { 1, 2, 3 };
        movie.Sid = new SemanticId([1, 2, 3]);
        var row = new RecordingRowWriter();

        Model.WriteRow(movie, row);

        Assert.Equal(["Id", "Pitch", "Moods", "FamilyFriendly", "Pacing", "Setting", "Facts", "Content", "Sid"], Model.Columns.Select(c => c.Name));
        Assert.Equal(
            ["Key:m1", "String:Romantics.", "StringList:romantic", "Boolean:", "String:Steady", "String:", "StringList:has_theme=love", "Vector:1,2,3", "SemanticId:1-2-3"],
            row.Values);
        Assert.Equal(FeatureColumnType.Vector, Model.Columns.Single(c => c.Name == "Content").Type);
        Assert.Equal(384, Model.Columns.Single(c => c.Name == "Content").Dimensions);
    }

    private sealed class RecordingRowWriter : IFeatureRowWriter
    {
        public List<string> Values { get; } = [];

        public void WriteKey(string key) => Values.Add($"Key:{key}");

        public void WriteString(string? value) => Values.Add($"String:{value}");

        public void WriteStringList(IReadOnlyList<string>? values) => Values.Add($"StringList:{string.Join(",", values ?? [])}");

        public void WriteBoolean(bool? value) => Values.Add($"Boolean:{value}");

        public void WriteInt64(long? value) => Values.Add($"Int64:{value}");

        public void WriteDouble(double? value) => Values.Add($"Double:{value}");

        public void WriteVector(ReadOnlyMemory<float> value) => Values.Add($"Vector:{string.Join(",", value.ToArray())}");

        public void WriteSemanticId(SemanticId value) => Values.Add($"SemanticId:{value}");
    }
}

using LlmErs.Generators.Shared;
using LlmErs.Generators.Templates;
using LlmErs.Samples.Catalog;

namespace LlmErs.Generators.Tests.Templates;

/// <summary>
/// The input-encoder hook of emitted renderers: every <c>{{ }}</c> output goes through the encoder with its expression as
/// written and its rendered value; literal text, conditions, loop control and null values never do.
/// </summary>
public sealed class TemplateEncoderTests
{
    [Fact]
    public void The_encoder_sees_each_interpolations_expression_and_value_and_literal_text_is_untouched()
    {
        var render = Render("Who would enjoy {{ title }}{{ if year > 0 }} ({{ year }}){{ end }}? {{ genres | array.join ', ' }}. {{~ overview ~}} !");
        var encoder = new Bracketing();

        var text = render(new DiffMovie { Title = "Alien", Year = 1979, Genres = ["SciFi", "Horror"], Overview = " Space. " }, encoder);

        Assert.Equal("Who would enjoy [Alien] ([1979])? [SciFi, Horror].[ Space. ]!", text);
        Assert.Equal(
            [("title", "Alien"), ("year", "1979"), ("genres | array.join ', '", "SciFi, Horror"), ("overview", " Space. ")],
            encoder.Seen);
    }

    [Fact]
    public void An_encoder_that_drops_every_value_leaves_exactly_the_literal_text()
    {
        var render = Render("A {{ title }} B {%{ {{ not code }} }%} {{ if flag }}C {{ tagline }}{{ else }}D{{ end }} E{{ 'lit' }}F {{ 42 }}");

        var text = render(new DiffMovie { Title = "T", Flag = true, Tagline = "x" }, new Dropping());

        Assert.Equal("A  B  {{ not code }}  C  EF ", text);
    }

    [Fact]
    public void Null_values_are_not_encoded_and_write_nothing()
    {
        var render = Render("[{{ overview }}][{{ director?.name }}][{{ rank }}][{{ maybe_flag }}]");
        var encoder = new Bracketing();

        var text = render(new DiffMovie(), encoder);

        Assert.Equal("[][][][]", text);
        Assert.Empty(encoder.Seen);
    }

    [Fact]
    public void Loops_conditions_filters_and_joins_encode_each_written_value()
    {
        var render = Render(
            "{{ for g in genres }}{{ for.index }}:{{ g | string.upcase }}{{ if !for.last }}, {{ end }}{{ end }}" +
            "|{{ for p in cast }}{{ p?.name }}{{ else }}none{{ end }}" +
            "|{{ counts | array.join '-' }}|{{ overview | string.truncate 8 }}|{{ title == 'Alien' }}|{{ genres | array.size }}");
        var encoder = new Bracketing();
        var movie = new DiffMovie
        {
            Title = "Alien",
            Genres = ["scifi", "horror"],
            Counts = [1, 2, 3],
            Overview = "A crew meets a creature.",
        };

        var text = render(movie, encoder);

        Assert.Equal("[0]:[SCIFI], [1]:[HORROR]|none|[1-2-3]|[A cre...]|[true]|[2]", text);
        Assert.Equal(
            [
                ("for.index", "0"), ("g | string.upcase", "SCIFI"), ("for.index", "1"), ("g | string.upcase", "HORROR"),
                ("counts | array.join '-'", "1-2-3"), ("overview | string.truncate 8", "A cre..."), ("title == 'Alien'", "true"),
                ("genres | array.size", "2"),
            ],
            encoder.Seen);
    }

    [Fact]
    public void Encoded_text_is_auto_indented_like_any_output()
    {
        var render = Render("Lines:\n  {{ multiline }}\nEnd");

        var text = render(new DiffMovie { Multiline = "a\nb" }, new Bracketing());

        Assert.Equal("Lines:\n  [a\n  b]\nEnd", text);
    }

    [Fact]
    public void Outputs_go_through_one_static_helper_and_literal_text_straight_to_the_builder()
    {
        var compiled = TemplateCompiler.Compile("A {{ title }}", TemplateCompilations.TypeOf<DiffMovie>(), "Prompt");
        var writer = new SourceWriter();

        TemplateEmitter.Emit(writer, compiled.Spec!, "item", "builder", "encoder");

        var code = writer.ToString();
        Assert.Contains("builder.Append(\"A \");", code, StringComparison.Ordinal);
        Assert.Contains("builder.Append(__Input(encoder, \"title\", __Text(__v1)));", code, StringComparison.Ordinal);
        Assert.Contains("__encoder is null || __value is null ? __value : __encoder.Encode(__input, __value);", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_fields_render_with_and_without_an_encoder()
    {
        var model = EnrichmentModel.Of<Movie>();
        var movie = new Movie { Id = "m1", Title = "Harbor Lights", Year = 1998, Genres = ["Drama", "Romance"], Overview = "Two keepers fall in love." };
        var pitch = (LlmField<Movie>)model.Field(nameof(Movie.Pitch));
        var encoder = new Bracketing();

        Assert.Equal(pitch.RenderPrompt(movie), pitch.RenderPrompt(movie, null));
        Assert.Equal(
            "Who would enjoy [Harbor Lights] ([1998])? Genres: [Drama, Romance]. Plot: [Two keepers fall in love.]",
            pitch.RenderPrompt(movie, encoder));
        Assert.Equal(["title", "year", "genres | array.join ', '", "overview"], encoder.Seen.Select(s => s.Input));

        movie.Pitch = "Romantics.";
        var content = Assert.Single(model.EmbeddingFields);
        Assert.Equal(content.RenderText(movie), content.RenderText(movie, null));
        Assert.Equal("[Harbor Lights]. [Drama, Romance]. [Romantics.] Moods: [].", content.RenderText(movie, new Bracketing()));
    }

    private static Func<DiffMovie, IPromptInputEncoder?, string> Render(string template) =>
        TemplateCompilations.EncodingRenderers<DiffMovie>([template]).Single();

    /// <summary>Records every call and encloses the value in brackets.</summary>
    private sealed class Bracketing : IPromptInputEncoder
    {
        public List<(string Input, string Value)> Seen { get; } = [];

        public string Encode(string input, string value)
        {
            Seen.Add((input, value));
            return "[" + value + "]";
        }
    }

    private sealed class Dropping : IPromptInputEncoder
    {
        public string Encode(string input, string value) => "";
    }
}

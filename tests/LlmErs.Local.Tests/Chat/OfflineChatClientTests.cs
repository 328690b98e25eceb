using System.Text.Json;
using LlmErs.Local;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.AI;

namespace LlmErs.Local.Tests.Chat;

public sealed class OfflineChatClientTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private static readonly EnrichmentModel<Movie> Model = EnrichmentModel.Of<Movie>();

    private readonly OfflineChatClient _client = new(fixture.Generator);

    [Fact]
    public async Task Every_generated_field_gets_an_answer_its_parser_accepts()
    {
        foreach (var movie in SampleMovies.All)
        {
            foreach (var field in Model.LlmFields)
            {
                var answer = await AskAsync(field.JsonSchema, field.RenderPrompt(movie));

                Assert.True(field.TryApply(movie, answer, out var error), $"{movie.Id}.{field.Name}: {answer} → {error}");
            }
        }
    }

    [Theory]
    [InlineData("Which moods fit? A gentle, heartwarming story of hope, kindness and a family reunited.", "uplifting")]
    [InlineData("Which moods fit? A brutal cartel murders witnesses while a killer stalks the city at night.", "dark")]
    public async Task Tags_are_chosen_by_similarity(string prompt, string expected)
    {
        var moods = (LlmField<Movie, IReadOnlyList<string>>)Model.Field(nameof(Movie.Moods));

        var answer = await AskAsync(moods.JsonSchema, prompt);

        var parsed = moods.Parse(answer);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.InRange(parsed.Value.Count, 1, 3);
        Assert.Contains(expected, parsed.Value);
    }

    [Theory]
    [InlineData("Where is it set? Astronauts drift between planets aboard a failing spacecraft.", "Space")]
    [InlineData("Where is it set? Fishermen sail the open ocean through storms and waves.", "Sea")]
    public async Task Choices_pick_the_closest_label(string prompt, string expected)
    {
        var setting = (LlmField<Movie, string?>)Model.Field(nameof(Movie.Setting));

        Assert.Equal(expected, setting.Parse(await AskAsync(setting.JsonSchema, prompt)).Value);
    }

    [Fact]
    public async Task Free_text_is_an_extract_within_the_word_bound()
    {
        var pitch = (LlmField<Movie, string?>)Model.Field(nameof(Movie.Pitch));
        const string prompt = "Who would enjoy this film? A keeper tends a lighthouse alone. A storm brings a stranger ashore. " +
                              "They fall in love over one long winter. The village gossips about them.";

        var text = pitch.Parse(await AskAsync(pitch.JsonSchema, prompt)).Value!;

        Assert.InRange(AnswerReader.CountWords(text), 1, 40);
        Assert.DoesNotContain("?", text);
        Assert.All(text.Split(". ", StringSplitOptions.RemoveEmptyEntries), sentence => Assert.Contains(sentence.TrimEnd('.'), prompt));
    }

    [Fact]
    public async Task Delimiter_tags_around_item_data_are_not_content()
    {
        var pitch = (LlmField<Movie, string?>)Model.Field(nameof(Movie.Pitch));

        var text = pitch.Parse(await AskAsync(pitch.JsonSchema, "Who would enjoy it?\n<item>A keeper tends a lighthouse alone.</item>")).Value!;

        Assert.Equal("A keeper tends a lighthouse alone.", text);
    }

    [Fact]
    public async Task Values_delimited_inline_read_as_the_plain_prompt()
    {
        foreach (var movie in SampleMovies.All)
        {
            foreach (var field in Model.LlmFields)
            {
                var delimited = field.RenderPrompt(movie, InlineItems.Instance);

                Assert.Contains("<item>", delimited);
                Assert.Equal(await AskAsync(field.JsonSchema, field.RenderPrompt(movie)), await AskAsync(field.JsonSchema, delimited));
            }
        }

        var pitch = (LlmField<Movie, string?>)Model.Field(nameof(Movie.Pitch));
        var text = pitch.Parse(await AskAsync(pitch.JsonSchema,
            "Who would enjoy <item>Harbor Lights</item> (<item>1998</item>)? Plot: <item>A keeper tends a lighthouse alone.</item>")).Value!;
        Assert.Equal("Plot: A keeper tends a lighthouse alone.", text);
    }

    [Fact]
    public async Task Numbers_come_from_the_prompt_within_bounds_and_unknown_booleans_are_null()
    {
        var minutes = Schema("""{"type":["integer","null"],"minimum":1,"maximum":600}""");
        Assert.Equal("""{"value":142}""", await AskAsync(minutes, "Released 1999, ran 142 minutes, rated 0 of 5000."));
        Assert.Equal("""{"value":null}""", await AskAsync(minutes, "No numbers here."));

        var family = (LlmField<Movie>)Model.Field(nameof(Movie.FamilyFriendly));
        Assert.Equal("""{"value":null}""", await AskAsync(family.JsonSchema, "Is it for children? A story."));
    }

    [Fact]
    public async Task Requests_without_a_schema_are_refused_with_advice()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => _client.GetResponseAsync("Hello"));

        Assert.Contains("ChatResponseFormat.ForJsonSchema", error.Message);
    }

    [Fact]
    public async Task Responses_carry_model_and_usage()
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Which moods fit? A tense thriller.")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(Parse(((LlmField<Movie>)Model.Field("Moods")).JsonSchema)) });

        Assert.Equal("llmers-offline-v2", response.ModelId);
        Assert.True(response.Usage!.InputTokenCount > 0);
        Assert.True(response.Usage.OutputTokenCount > 0);
        Assert.Equal("llmers-offline-v2", _client.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    private async Task<string> AskAsync(string schema, string prompt)
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(Parse(schema)) });
        return response.Text;
    }

    private static string Schema(string value) =>
        $$"""{"type":"object","properties":{"value":{{value}}},"required":["value"],"additionalProperties":false}""";

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Encloses each value as prompt hygiene does: inline, between &lt;item&gt; and &lt;/item&gt;.</summary>
    private sealed class InlineItems : IPromptInputEncoder
    {
        public static readonly InlineItems Instance = new();

        public string Encode(string input, string value) => "<item>" + value + "</item>";
    }
}

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
                var answer = await AskAsync(field.Constraints, field.RenderPrompt(movie));

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

        var answer = await AskAsync(moods.Constraints, prompt);

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

        Assert.Equal(expected, setting.Parse(await AskAsync(setting.Constraints, prompt)).Value);
    }

    [Fact]
    public async Task Free_text_is_an_extract_within_the_word_bound()
    {
        var pitch = (LlmField<Movie, string?>)Model.Field(nameof(Movie.Pitch));
        const string prompt = "Who would enjoy this film? A keeper tends a lighthouse alone. A storm brings a stranger ashore. " +
                              "They fall in love over one long winter. The village gossips about them.";

        var text = pitch.Parse(await AskAsync(pitch.Constraints, prompt)).Value!;

        Assert.InRange(AnswerReader.CountWords(text), 1, 40);
        Assert.DoesNotContain("?", text);
        Assert.All(text.Split(". ", StringSplitOptions.RemoveEmptyEntries), sentence => Assert.Contains(sentence.TrimEnd('.'), prompt));
    }

    [Fact]
    public async Task Delimiter_tags_around_item_data_are_not_content()
    {
        var pitch = (LlmField<Movie, string?>)Model.Field(nameof(Movie.Pitch));

        var text = pitch.Parse(await AskAsync(pitch.Constraints, "Who would enjoy it?\n<item>A keeper tends a lighthouse alone.</item>")).Value!;

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
                Assert.Equal(await AskAsync(field.Constraints, field.RenderPrompt(movie)), await AskAsync(field.Constraints, delimited));
            }
        }

        var pitch = (LlmField<Movie, string?>)Model.Field(nameof(Movie.Pitch));
        var text = pitch.Parse(await AskAsync(pitch.Constraints,
            "Who would enjoy <item>Harbor Lights</item> (<item>1998</item>)? Plot: <item>A keeper tends a lighthouse alone.</item>")).Value!;
        Assert.Equal("Plot: A keeper tends a lighthouse alone.", text);
    }

    [Fact]
    public async Task Numbers_come_from_the_prompt_within_bounds_and_unknown_booleans_are_null()
    {
        var minutes = AnswerConstraints.Integer(allowsUnknown: true, 1, 600);
        Assert.Equal("""{"value":142}""", await AskAsync(minutes, "Released 1999, ran 142 minutes, rated 0 of 5000."));
        Assert.Equal("""{"value":null}""", await AskAsync(minutes, "No numbers here."));

        var family = (LlmField<Movie>)Model.Field(nameof(Movie.FamilyFriendly));
        Assert.Equal("""{"value":null}""", await AskAsync(family.Constraints, "Is it for children? A story."));
    }

    [Fact]
    public async Task The_constraints_bound_the_answer()
    {
        const string prompt = "Which moods fit? A tense, dark and funny thriller. A keeper tends a lighthouse alone. A storm brings a stranger ashore.";
        var moods = (LlmField<Movie, IReadOnlyList<string>>)Model.Field(nameof(Movie.Moods));

        var oneTag = moods.Parse(await AskAsync(AnswerConstraints.Tags(moods.Constraints.Choices, 1, 1), prompt));
        var fewWords = await AskAsync(AnswerConstraints.Text(6), prompt);
        var choice = await AskAsync(AnswerConstraints.Choice(["Sea", "Space"], allowsUnknown: false), prompt);

        Assert.Single(oneTag.Value);
        Assert.InRange(AnswerReader.CountWords(AnswerReader.ReadText(fewWords, 6).Value), 1, 6);
        Assert.Contains(AnswerReader.ReadChoice(choice, ["Sea", "Space"], nullable: false).Value, new[] { "Sea", "Space" });
    }

    [Fact]
    public async Task Rankings_order_every_candidate_by_similarity_to_the_history()
    {
        string[] descriptions = ["A romantic comedy about a wedding in Paris", "Astronauts fight an alien creature aboard a spaceship", "A cartoon about talking farm animals"];
        var constraints = AnswerConstraints.Ranking(["c1", "c2", "c3"], descriptions, minCount: 3);
        var prompt = "The user watched: a science fiction film about aliens attacking a space station; astronauts lost in deep space.\nCandidates:\n"
            + string.Join("\n", descriptions.Select((text, i) => $"c{i + 1}: {text}"));

        var answer = AnswerReader.ReadTags(await AskAsync(constraints, prompt), ["c1", "c2", "c3"], 3, 3);

        Assert.True(answer.IsValid, answer.Error);
        Assert.Equal("c2", answer.Value[0]);
        Assert.Equal(3, answer.Value.Distinct().Count());
    }

    [Fact]
    public async Task A_history_is_read_line_by_line_to_its_end_each_distinct_line_embedded_once()
    {
        string[] descriptions = ["A romantic comedy about a wedding in Paris", "Astronauts fight an alien creature aboard a spaceship", "A cartoon about talking farm animals"];
        var constraints = AnswerConstraints.Ranking(["c1", "c2", "c3"], descriptions, minCount: 3);

        // Far past the model's 256-token window: read as one text, only the romances at its start would count.
        var history = Enumerable.Repeat("- Two strangers fall in love at a wedding in Paris.", 40)
            .Concat(Enumerable.Repeat("- Astronauts fight a monster aboard a spaceship in deep space.", 60));
        var prompt = "The user's history:\n" + string.Join("\n", history) + "\nCandidates:\n"
            + string.Join("\n", descriptions.Select((text, i) => $"- c{i + 1}: {text}"));
        using var counting = new CountingGenerator(fixture.Generator);
        var client = new OfflineChatClient(counting);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], Options(constraints));
        var answer = AnswerReader.ReadTags(response.Text, ["c1", "c2", "c3"], 3, 3);

        Assert.True(answer.IsValid, answer.Error);
        Assert.Equal("c2", answer.Value[0]);
        // The three descriptions, the header lines and the two distinct history lines.
        Assert.Equal(3 + 2 + 2, counting.Texts);
    }

    [Fact]
    public async Task Tags_of_a_prompt_longer_than_the_model_reads_come_from_all_its_sentences_each_distinct_one_embedded_once()
    {
        var moods = ((LlmField<Movie>)Model.Field("Moods")).Constraints;
        var prompt = "Which moods does a viewer enjoy who liked:"
            + string.Concat(Enumerable.Repeat(" A slapstick comedy full of jokes and silly pranks.", 25))
            + string.Concat(Enumerable.Repeat(" A brutal, grim murder in a dark and violent city.", 50));
        using var counting = new CountingGenerator(fixture.Generator);
        var client = new OfflineChatClient(counting);

        var answer = AnswerReader.ReadTags((await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], Options(moods))).Text, [.. moods.Choices], moods.MinCount, moods.MaxCount);

        Assert.True(answer.IsValid, answer.Error);
        Assert.Equal("dark", answer.Value[0]);
        Assert.Equal(moods.Choices.Count + 3, counting.Texts);

        // A prompt the model reads whole is one text, as before.
        var shortPrompt = "Which moods fit a slapstick comedy full of jokes?";
        Assert.Equal(await AskAsync(moods, shortPrompt), (await client.GetResponseAsync([new ChatMessage(ChatRole.User, shortPrompt)], Options(moods))).Text);
        Assert.Equal(moods.Choices.Count + 4, counting.Texts);
    }

    /// <summary>
    /// A list of short names and punctuation runs to more word pieces than characters / 4: under 1,024 characters, it
    /// would be cut at MiniLM's window if read as one text. The client asks the model what it reads whole.
    /// </summary>
    [Fact]
    public async Task A_prompt_under_the_character_bound_that_the_model_would_cut_is_read_by_its_sentences()
    {
        var moods = ((LlmField<Movie>)Model.Field("Moods")).Constraints;
        var prompt = "Which moods does a viewer enjoy who liked:" + string.Concat(Enumerable.Repeat(" Gags (funny, silly, goofy).", 34));
        Assert.InRange(prompt.Length, 0, 1_024);
        Assert.False(fixture.Generator.ReadsWhole(prompt));
        using var counting = new CountingGenerator(fixture.Generator);

        var answer = await new OfflineChatClient(counting).GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], Options(moods));

        Assert.True(AnswerReader.ReadTags(answer.Text, [.. moods.Choices], moods.MinCount, moods.MaxCount).IsValid);
        // The labels, then the prompt's two distinct sentences: the first, with its header, and the repeated one.
        Assert.Equal(moods.Choices.Count + 2, counting.Texts);
    }

    [Fact]
    public async Task Preferences_like_the_candidate_most_similar_to_the_history_and_dislike_the_least_similar()
    {
        string[] descriptions = ["A romantic comedy about a wedding in Paris", "Astronauts fight an alien creature aboard a spaceship", "A documentary about aliens and space exploration"];
        var constraints = AnswerConstraints.Preference(["c1", "c2", "c3"], descriptions);
        var prompt = "The user watched: a science fiction film about aliens attacking a space station; astronauts lost in deep space.\nCandidates:\n"
            + string.Join("\n", descriptions.Select((text, i) => $"c{i + 1}: {text}"));
        var ranking = AnswerReader.ReadTags(await AskAsync(AnswerConstraints.Ranking(["c1", "c2", "c3"], descriptions, minCount: 3), prompt), ["c1", "c2", "c3"], 3, 3).Value;

        var answer = AnswerReader.ReadPreference(await AskAsync(constraints, prompt), ["c1", "c2", "c3"]);

        Assert.True(answer.IsValid, answer.Error);
        Assert.Equal(new PreferenceAnswer(ranking[0], ranking[^1]), answer.Value);
        Assert.Equal("c1", answer.Value.Disliked);
        Assert.NotEqual("c1", answer.Value.Liked);
    }

    [Fact]
    public async Task Requests_without_constraints_are_refused_with_advice()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => _client.GetResponseAsync("Hello"));

        Assert.Contains("answers LlmErs field requests only", error.Message);
        Assert.Contains(AnswerConstraints.ChatOptionsKey, error.Message);
    }

    [Fact]
    public async Task A_schema_alone_is_not_enough()
    {
        var schema = JsonDocument.Parse(((LlmField<Movie>)Model.Field("Moods")).JsonSchema).RootElement.Clone();

        await Assert.ThrowsAsync<NotSupportedException>(() => _client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Which moods fit? A tense thriller.")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema) }));
    }

    [Fact]
    public async Task Responses_carry_model_and_usage()
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Which moods fit? A tense thriller.")],
            Options(((LlmField<Movie>)Model.Field("Moods")).Constraints));

        Assert.Equal("llmers-offline-v6", response.ModelId);
        Assert.True(response.Usage!.InputTokenCount > 0);
        Assert.True(response.Usage.OutputTokenCount > 0);
        Assert.Equal("llmers-offline-v6", _client.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task Concurrent_requests_share_model_calls_and_get_the_answers_asked_one_at_a_time()
    {
        (LlmField<Movie> Field, string Prompt)[] requests = [.. SampleMovies.All.SelectMany(movie => Model.LlmFields.Select(field => (field, field.RenderPrompt(movie))))];
        string[] alone = new string[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            alone[i] = await AskAsync(requests[i].Field.Constraints, requests[i].Prompt);
        }

        using var counting = new CountingGenerator(fixture.Generator);
        var client = new OfflineChatClient(counting);
        var together = await Task.WhenAll(requests.Select(async request =>
            (await client.GetResponseAsync([new ChatMessage(ChatRole.User, request.Prompt)], Options(request.Field.Constraints))).Text));

        Assert.Equal(alone, together);
        // One at a time, every request but the boolean's makes a model call of its own.
        Assert.True(counting.Calls * 4 <= requests.Length, $"{counting.Calls} model calls for {requests.Length} requests");
    }

    [Fact]
    public async Task Prompts_queued_while_the_model_is_busy_go_in_one_call_of_up_to_1024()
    {
        var moods = ((LlmField<Movie>)Model.Field("Moods")).Constraints;
        using var model = new HeldGenerator();
        var client = new OfflineChatClient(model);

        // Each request reaches the embedding queue before GetResponseAsync returns: the first ones start the model calls
        // (one per core), which wait until released, and the rest queue behind them.
        var answers = Enumerable.Range(0, 900)
            .Select(i => client.GetResponseAsync([new ChatMessage(ChatRole.User, $"Which moods fit movie number {i}?")], Options(moods)))
            .ToList();
        model.Release();
        await Task.WhenAll(answers);

        // Calls of 64 would have taken 14 more; a call sorts its texts by length, so a large one pads little.
        Assert.True(model.CallSizes.Count <= Environment.ProcessorCount + 1, $"call sizes: {string.Join(", ", model.CallSizes)}");
        Assert.Equal(900 + moods.Choices.Count, model.Embedded.Count);
    }

    [Fact]
    public async Task A_text_is_embedded_once_and_answers_do_not_change_when_it_is_remembered()
    {
        var moods = ((LlmField<Movie>)Model.Field("Moods")).Constraints;
        var pitch = ((LlmField<Movie>)Model.Field("Pitch")).Constraints;
        const string Short = "A crew wakes on a derelict ship. Something hunts them in the dark. Nobody answers the radio.";

        // Longer than MiniLM reads, so the client reads them by their sentences; the second shares all but its last.
        var lines = Enumerable.Range(1, 41).Select(i => $"On day {i} the crew of the derelict ship searched deck number {i} for the missing engineer.").ToList();
        var first = "Which moods fit? " + string.Join(" ", lines.Take(40));
        var second = "Which moods fit? " + string.Join(" ", lines.Take(39).Append(lines[40]));
        using var counting = new CountingGenerator(fixture.Generator);
        var client = new OfflineChatClient(counting);
        async Task<string> Ask(AnswerConstraints constraints, string prompt) =>
            (await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], Options(constraints))).Text;

        var answers = new[] { await Ask(moods, Short), await Ask(pitch, Short), await Ask(moods, first) };
        var embedded = counting.Texts;
        var again = new[] { await Ask(moods, Short), await Ask(pitch, Short), await Ask(moods, first) };
        Assert.Equal(embedded, counting.Texts);
        Assert.Equal(answers, again);
        Assert.Equal(answers, new[] { await AskAsync(moods, Short), await AskAsync(pitch, Short), await AskAsync(moods, first) });

        // Forty of the second prompt's sentences were embedded for the first one: it embeds one more sentence.
        var tags = await Ask(moods, second);
        Assert.Equal(embedded + 1, counting.Texts);
        Assert.Equal(await AskAsync(moods, second), tags);
    }

    [Fact]
    public async Task A_summary_keeps_the_sentences_that_share_the_prompts_recurring_words_and_embeds_nothing()
    {
        const string Prompt = "The lighthouse keeper watches the storm. A cat sleeps. The storm batters the lighthouse all night. Taxes rose in March.";
        using var counting = new CountingGenerator(fixture.Generator);
        var client = new OfflineChatClient(counting);

        var answer = (await client.GetResponseAsync([new ChatMessage(ChatRole.User, Prompt)], Options(AnswerConstraints.Text(13)))).Text;

        Assert.Equal("The lighthouse keeper watches the storm. The storm batters the lighthouse all night.", AnswerReader.ReadText(answer, 13).Value);
        Assert.Equal(0, counting.Texts);
    }

    private async Task<string> AskAsync(AnswerConstraints constraints, string prompt)
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], Options(constraints));
        return response.Text;
    }

    /// <summary>What the enrichment engine sends: the field's constraints, and no schema the client could read.</summary>
    private static ChatOptions Options(AnswerConstraints constraints) =>
        new() { AdditionalProperties = new() { [AnswerConstraints.ChatOptionsKey] = constraints } };

    /// <summary>Encloses each value as prompt hygiene does: inline, between &lt;item&gt; and &lt;/item&gt;.</summary>
    private sealed class InlineItems : IPromptInputEncoder
    {
        public static readonly InlineItems Instance = new();

        public string Encode(string input, string value) => "<item>" + value + "</item>";
    }

    /// <summary>Counts the model calls.</summary>
    private sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private int _calls;
        private int _texts;

        public int Calls => _calls;

        /// <summary>The texts embedded, over all calls.</summary>
        public int Texts => _texts;

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _texts, texts.Count);

            // Slow enough that requests arriving meanwhile queue behind the call.
            await Task.Delay(20, cancellationToken);
            return await inner.GenerateAsync(texts, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}

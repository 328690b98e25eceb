using LlmErs.Local;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.AI;

namespace LlmErs.Local.Tests.Chat;

/// <summary>The offline client's answers to triples fields: each relation's tails chosen by embedding similarity.</summary>
public sealed class OfflineTriplesTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private static readonly LlmField<Movie, IReadOnlyList<KgTriple>> Facts =
        (LlmField<Movie, IReadOnlyList<KgTriple>>)EnrichmentModel.Of<Movie>().Field(nameof(Movie.Facts));

    [Theory]
    [InlineData("Which facts hold for Starfall? Plot: an astronaut aboard a failing spacecraft between the planets.", "set_in", "outer space")]
    [InlineData("Which facts hold for Harbor Letters? Plot: a fisherman's daughter on the open ocean, sailing the sea.", "set_in", "the sea")]
    [InlineData("Which facts hold for The Wand? Plot: an apprentice wizard learns magic spells and sorcery in an enchanted kingdom.", "has_theme", "magic")]
    public async Task Each_relation_gets_its_closest_entities(string prompt, string relation, string expected)
    {
        var triples = await AskAsync(new OfflineChatClient(fixture.Generator), prompt);

        Assert.Contains(new KgTriple(relation, expected), triples);
        // Every relation is covered, within the field's maximum, and nothing repeats.
        Assert.Equal(Facts.Constraints.Relations.Select(r => r.Name).Order(), triples.Select(t => t.Relation).Distinct().Order());
        Assert.InRange(triples.Count, 3, Facts.Constraints.MaxCount);
        Assert.Equal(triples.Count, triples.Distinct().Count());
    }

    [Fact]
    public async Task The_answer_is_the_same_from_a_fresh_client()
    {
        const string prompt = "Which facts hold for Midnight Ledger (1994)? Genres: Crime, Thriller. Plot: a weary detective hunts a killer in a rain-soaked city.";

        var first = await AskAsync(new OfflineChatClient(fixture.Generator), prompt);
        var second = await AskAsync(new OfflineChatClient(fixture.Generator), prompt);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_correction_is_refused_with_what_to_do()
    {
        var constraints = AnswerConstraints.TripleVerdicts([new TripleRelation("set_in", ["the sea"])]);
        var options = new ChatOptions { AdditionalProperties = new() { [AnswerConstraints.ChatOptionsKey] = constraints } };

        var error = await Assert.ThrowsAsync<NotSupportedException>(() =>
            new OfflineChatClient(fixture.Generator).GetResponseAsync([new ChatMessage(ChatRole.User, "Check (set_in, the sea)")], options));

        Assert.Contains("cannot check given triples", error.Message, StringComparison.Ordinal);
        Assert.Contains("with a real IChatClient", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<KgTriple>> AskAsync(OfflineChatClient client, string prompt)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [AnswerConstraints.ChatOptionsKey] = Facts.Constraints } };
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], options);
        var parsed = Facts.Parse(response.Text);
        Assert.True(parsed.IsValid, $"{response.Text} → {parsed.Error}");
        return parsed.Value;
    }
}

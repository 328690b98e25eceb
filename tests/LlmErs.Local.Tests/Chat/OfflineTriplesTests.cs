using LlmErs.Local;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.AI;

namespace LlmErs.Local.Tests.Chat;

/// <summary>The offline client's answers to triples fields: tails chosen, and given triples checked, by embedding similarity.</summary>
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

    private static readonly CatalogEntities Catalog = new(
    [
        ("m1", "Starfall: Lost in Orbit"),
        ("m2", "Starfall 2: Return to Orbit"),
        ("m3", "Harbor Letters, a fisherman's tale of the sea"),
        ("m4", "The Wand of the Wizard King"),
    ]);

    [Fact]
    public async Task A_catalog_relation_names_the_closest_other_item_by_its_key()
    {
        var constraints = AnswerConstraints.Triples([TripleRelation.Catalog("similar_to")], 1).WithCatalog(Catalog).ForItem("m1", null);
        const string prompt = "Which movies of the catalog is Starfall: Lost in Orbit like? Plot: an astronaut adrift in orbit aboard a failing spacecraft.";

        var text = await RespondAsync(new OfflineChatClient(fixture.Generator), constraints, prompt);

        // The item's own title is the closest name of all; it is never its own tail.
        var triples = TripleAnswers.ReadTriples(text, constraints.Relations, constraints.MaxCount);
        Assert.True(triples.IsValid, $"{text} → {triples.Error}");
        Assert.Equal([new KgTriple("similar_to", "m2")], triples.Value);
    }

    [Fact]
    public async Task A_correction_keeps_fixes_and_drops_by_similarity_and_says_why()
    {
        var setIn = new TripleRelation("set_in", ["outer space", "the sea", "a big city"]);
        var constraints = AnswerConstraints.TripleVerdicts([setIn, TripleRelation.Catalog("similar_to")]).WithCatalog(Catalog).ForItem("m1",
        [
            new("set_in", "outer space"), new("set_in", "the sea"), new("set_in", "the moon"), new("made_by", "Acme"),
            new("similar_to", "m3"), new("similar_to", "m1"),
        ]);
        const string prompt = "Check the facts about Starfall: Lost in Orbit. Plot: an astronaut adrift in outer space aboard a failing spacecraft in orbit.";

        var text = await RespondAsync(new OfflineChatClient(fixture.Generator), constraints, prompt);

        // The live model's contract: verdicts that read back and agree with the given triples, one each, in order.
        var verdicts = TripleAnswers.ReadVerdicts(text, constraints.Relations);
        Assert.True(verdicts.IsValid, $"{text} → {verdicts.Error}");
        Assert.Null(TripleAnswers.CheckVerdicts(verdicts.Value, constraints.Given));
        Assert.Equal(
            [
                ("set_in", "outer space", TripleStatus.Kept),
                ("set_in", "outer space", TripleStatus.Fixed),
                ("set_in", "the moon", TripleStatus.Dropped),
                ("made_by", "Acme", TripleStatus.Dropped),
                ("similar_to", "m2", TripleStatus.Fixed),
                ("similar_to", "m1", TripleStatus.Dropped),
            ],
            verdicts.Value.Select(v => (v.Relation, v.Tail, v.Status)));
        var reasons = verdicts.Value.Select(v => v.Reason!).ToList();
        Assert.All(reasons, r => Assert.StartsWith("offline: ", r, StringComparison.Ordinal));
        Assert.StartsWith("offline: tail similarity ", reasons[0], StringComparison.Ordinal);
        Assert.Matches("^offline: \"outer space\" is closer to the prompt \\(0\\.\\d\\d\\) than \"the sea\" \\(-?0\\.\\d\\d\\) by 0\\.\\d\\d, at least the margin 0\\.10$", reasons[1]);
        Assert.Equal("offline: \"the moon\" is not an entity of \"set_in\"", reasons[2]);
        Assert.Equal("offline: \"made_by\" is not a relation of this field", reasons[3]);
        Assert.Contains("\"Starfall 2: Return to Orbit\" is closer", reasons[4], StringComparison.Ordinal);
        Assert.Equal("offline: \"m1\" is the item itself", reasons[5]);

        // Deterministic: a fresh client gives the same verdicts, reasons and numbers included.
        Assert.Equal(text, await RespondAsync(new OfflineChatClient(fixture.Generator), constraints, prompt));
    }

    [Fact]
    public async Task A_wider_margin_keeps_what_a_narrow_one_fixes()
    {
        var constraints = AnswerConstraints.TripleVerdicts([new TripleRelation("set_in", ["outer space", "the sea"])])
            .ForItem("m1", [new("set_in", "the sea")]);
        const string prompt = "Check the facts about Starfall. Plot: an astronaut adrift in outer space aboard a failing spacecraft.";

        var strict = TripleAnswers.ReadVerdicts(await RespondAsync(new OfflineChatClient(fixture.Generator), constraints, prompt), constraints.Relations);
        var lenient = TripleAnswers.ReadVerdicts(
            await RespondAsync(new OfflineChatClient(fixture.Generator, new OfflineChatClientOptions { CorrectionMargin = 2f }), constraints, prompt),
            constraints.Relations);

        Assert.Equal(TripleStatus.Fixed, Assert.Single(strict.Value).Status);
        var kept = Assert.Single(lenient.Value);
        Assert.Equal((TripleStatus.Kept, "the sea"), (kept.Status, kept.Tail));
        Assert.Contains("within the margin 2.00 of the highest", kept.Reason, StringComparison.Ordinal);
    }

    private static async Task<string> RespondAsync(OfflineChatClient client, AnswerConstraints constraints, string prompt)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [AnswerConstraints.ChatOptionsKey] = constraints } };
        return (await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], options)).Text;
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

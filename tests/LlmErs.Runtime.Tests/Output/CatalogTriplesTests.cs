using System.Text.Json.Nodes;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Runtime.Tests.Pipeline;
using Xunit;

namespace LlmErs.Runtime.Tests.Output;

/// <summary>Relations whose tails are the catalog's own items: normalized to keys, re-asked when they name none, written as keys.</summary>
public sealed class CatalogTriplesTests
{
    private static List<Tune> Tunes() =>
    [
        new() { Id = "t1", Title = "Blue Night", Known = [new("cover_of", "t2")] },
        new() { Id = "t2", Title = "Blue Night (Live)", Known = [new("cover_of", "t1"), new("cover_of", "t3")] },
        new() { Id = "t3", Title = "Autumn Song" },
    ];

    private static bool Asks(string prompt, string start, string title) =>
        prompt.StartsWith(start, StringComparison.Ordinal) && prompt.Contains($"<item>{title}</item>", StringComparison.Ordinal);

    /// <summary>
    /// Covers: t2 names its original by title in other casing; t3 first names no item, then itself, then t2 by key.
    /// Checks: t1's triple is fixed to a title, t2's are kept and dropped by key.
    /// </summary>
    private static string Answer(string prompt, int attempt) => prompt switch
    {
        _ when Asks(prompt, "Which", "Blue Night (Live)") =>
            """{"value":[{"relation":"cover_of","tail":" blue night"},{"relation":"has_genre","tail":"Jazz"}]}""",
        _ when Asks(prompt, "Which", "Autumn Song") => attempt switch
        {
            0 => """{"value":[{"relation":"cover_of","tail":"Autumn"}]}""",
            1 => """{"value":[{"relation":"cover_of","tail":"Autumn Song"}]}""",
            _ => """{"value":[{"relation":"cover_of","tail":"t2"}]}""",
        },
        _ when Asks(prompt, "Check", "Blue Night") =>
            """{"value":[{"verdict":"fix","relation":"cover_of","tail":"autumn song","reason":"It covers Autumn Song."}]}""",
        _ when Asks(prompt, "Check", "Blue Night (Live)") => """
            {"value":[
              {"verdict":"keep","relation":"cover_of","tail":"t1","reason":""},
              {"verdict":"drop","relation":"cover_of","tail":"t3","reason":"Autumn Song is another tune."}]}
            """,
        _ => """{"value":[]}""",
    };

    [Fact]
    public async Task Tails_are_normalized_to_catalog_keys_and_the_triples_file_holds_the_keys()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        var chat = new ConversationChatClient(Answer);
        using var engine = TestEngines.Create(chat, cache);
        var tunes = Tunes();

        var result = await Pipelines.Create<Tune>(engine, cache, directory.Path).RunAsync(ItemCatalog.Of(tunes, t => t.Title));

        Assert.Equal(
            [
                new TripleRecord("t1", "cover_of", "t3", "fixed", "Checked", "It covers Autumn Song."),
                new TripleRecord("t2", "cover_of", "t1", "added", "Covers", null),
                new TripleRecord("t2", "has_genre", "jazz", "added", "Covers", null),
                new TripleRecord("t2", "cover_of", "t1", "kept", "Checked", null),
                new TripleRecord("t2", "cover_of", "t3", "dropped", "Checked", "Autumn Song is another tune."),
                new TripleRecord("t3", "cover_of", "t2", "added", "Covers", null),
            ],
            await TriplesFile.ReadAsync(directory.File(OfflinePipelineOptions.TriplesFileName)));
        Assert.Equal([new KgTriple("cover_of", "t2")], result.Items.Single(r => r.Key == "t3").Item.Covers);

        // A tail naming no item is asked again with the items whose names contain it; the item itself is asked again too.
        var autumn = chat.Conversations.Where(c => Asks(c.First(m => m.Role.Value == "user").Text, "Which", "Autumn Song")).MaxBy(c => c.Count)!;
        var reasks = autumn.Where(m => m.Role.Value == "user").Skip(1).Select(m => m.Text).ToList();
        Assert.Equal(2, reasks.Count);
        Assert.Contains("tail \"Autumn\" names no item of the catalog for relation \"cover_of\"", reasks[0], StringComparison.Ordinal);
        Assert.Contains("Items whose names contain it: \"Autumn Song\" (key \"t3\")", reasks[0], StringComparison.Ordinal);
        Assert.Contains("tail \"Autumn Song\" is the item itself", reasks[1], StringComparison.Ordinal);

        // Each request carries its item and given triples, and the catalog, for clients that answer fields themselves.
        var check = Assert.Single(chat.Requests, r => Asks(r.Prompt, "Check", "Blue Night (Live)"));
        var constraints = Assert.IsType<AnswerConstraints>(check.Options!.AdditionalProperties![AnswerConstraints.ChatOptionsKey]);
        Assert.Equal("t2", constraints.Head);
        Assert.Equal(tunes[1].Known, constraints.Given);
        Assert.Equal(["t1", "t2", "t3"], constraints.Relations[0].Entities);
        Assert.Equal(["Blue Night", "Blue Night (Live)", "Autumn Song"], constraints.Relations[0].Names);
    }

    [Fact]
    public async Task A_cached_answer_resolves_again_and_fails_when_its_item_left_the_catalog()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ConversationChatClient(Answer), cache);
        await engine.RunAsync(ItemCatalog.Of(Tunes(), t => t.Title));

        var chat = new ConversationChatClient((prompt, attempt) => """{"value":[{"verdict":"keep","relation":"cover_of","tail":"t2","reason":""}]}""");
        using var rerun = TestEngines.Create(chat, cache);
        var report = await rerun.RunAsync(ItemCatalog.Of(Tunes().Where(t => t.Id != "t3").ToList(), t => t.Title));

        // t2's covers name only t1 and are cached; its check keeps t1 but drops t3 as stated, so it stays valid too. t1's
        // check fixed to t3, which is gone: the cached answer fails and the model is asked again.
        Assert.Equal(2, report.Items);
        var asked = Assert.Single(chat.Conversations);
        Assert.StartsWith("Check the covers of", asked.First(m => m.Role.Value == "user").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewers_replacement_names_catalog_items_as_an_answer_would_and_one_naming_none_is_refused()
    {
        using var directory = new TempDirectory();
        var gate = new QuarantineCovers("t2", "t3");
        await using (var cache = new SqliteEnrichmentCache(directory.File("cache.db")))
        {
            using var engine = TestEngines.Create(new ConversationChatClient(Answer), cache);
            await Pipelines.Create(engine, cache, directory.Path, [], embeddings: null, gate).RunAsync(ItemCatalog.Of(Tunes(), t => t.Title));
        }

        // The reviewer names t2's original by title and t3's by a name no tune has.
        var review = directory.File("review.jsonl");
        var lines = File.ReadAllLines(review).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["t2", "t3"], lines.Select(l => (string)l["item"]!));
        foreach (var (line, tail) in lines.Zip(["blue night", "Autumn Leaves"]))
        {
            line["decision"] = "replace";
            line["replacement"] = new JsonArray(new JsonObject { ["relation"] = "cover_of", ["tail"] = tail });
        }

        File.WriteAllLines(review, lines.Select(l => l.ToJsonString()));
        await using (var cache = new SqliteEnrichmentCache(directory.File("cache.db")))
        {
            using var engine = TestEngines.Create(new ConversationChatClient(Answer), cache);
            var result = await Pipelines.Create(engine, cache, directory.Path, [], embeddings: null, gate).RunAsync(ItemCatalog.Of(Tunes(), t => t.Title));

            Assert.Equal([new KgTriple("cover_of", "t1")], result.Items.Single(r => r.Key == "t2").Item.Covers);
            var error = Assert.Single(result.Report.Governance.ReviewErrors);
            Assert.Contains("item 't3', field 'Covers': the replacement is invalid", error, StringComparison.Ordinal);
            Assert.Contains("Autumn Leaves", error, StringComparison.Ordinal);
        }

        var triples = await TriplesFile.ReadAsync(directory.File(OfflinePipelineOptions.TriplesFileName));
        Assert.Contains(new TripleRecord("t2", "cover_of", "t1", "added", "Covers", null), triples);
        Assert.DoesNotContain(triples, t => t.Head == "t3" && t.Source == "Covers");
    }

    [Fact]
    public async Task A_run_without_the_catalog_says_how_to_give_it()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ConversationChatClient(Answer), cache);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunAsync(Tunes()));

        Assert.Contains("Tune.Covers (Triples) has relation(s) 'cover_of' whose tails are catalog items", error.Message, StringComparison.Ordinal);
        Assert.Contains("ItemCatalog.Of(items, item => item.Name)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Quarantines the covers of the given tunes, as a gate that distrusts them would.</summary>
    private sealed class QuarantineCovers(params string[] keys) : IPipelineGate<Tune>
    {
        public string Name => "distrusted";

        public Task RunAsync(IReadOnlyList<PipelineItem<Tune>> items, CancellationToken cancellationToken)
        {
            foreach (var row in items.Where(r => keys.Contains(r.Key)))
            {
                row.Quarantine(nameof(Tune.Covers), Name, "covers are checked by hand");
            }

            return Task.CompletedTask;
        }
    }
}

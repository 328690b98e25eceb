using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.Options;
using Xunit;

namespace LlmErs.Runtime.Tests.Governance;

public sealed class WordListTests
{
    private static readonly Dictionary<string, string> Planted = new()
    {
        ["Listed"] = "A DAMN fine heist.",
        ["Declared"] = "A dull heist.",
        ["Title"] = "Fans of Damn Yankees will sing along.",
        ["Clean"] = "A heist for patient viewers.",
    };

    [Fact]
    public void TheGeneratedFieldCarriesTheListNames()
    {
        var rules = EnrichmentModel.Of<ListedScreening>().LlmFields.Single().WordRules;

        Assert.Equal(["dull"], rules.BlockedWords);
        Assert.Equal(["profanity"], rules.BlockedWordLists);
        Assert.Equal(["titles"], rules.AllowedWordLists);
        Assert.Empty(rules.AllowedWords);
    }

    [Fact]
    public async Task ARegisteredListBlocksAsDeclaredWordsDo_WithItsAllowedPhrases_ReaskedThenQuarantined()
    {
        using var directory = new TempDirectory();
        var client = new PlantedChatClient(Planted);

        var result = await RunAsync(directory, client, lists => { lists["profanity"] = ["damn", "hell"]; lists["titles"] = ["damn yankees"]; });

        Assert.Equal(
            ["quarantined: words", "quarantined: words", "ok", "ok"],
            result.Items.Select(i => i.GetStatus(nameof(ListedScreening.Blurb)).ToString()));
        Assert.Equal((2, 2, 1, 1), (client.Requests["Listed"], client.Requests["Declared"], client.Requests["Title"], client.Requests["Clean"]));
        Assert.Contains(result.Items[0].Findings, f => f.Evidence == "contains the blocked word 'damn'");
    }

    [Fact]
    public async Task AListThatIsNotRegistered_StopsTheRunBeforeAnyModelCall_NamingTheFieldAndTheList()
    {
        using var directory = new TempDirectory();
        var client = new PlantedChatClient(Planted);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(directory, client, lists => lists["profanity"] = ["damn"]));

        Assert.Contains("ListedScreening.Blurb", error.Message, StringComparison.Ordinal);
        Assert.Contains("'titles' in AllowedWordLists", error.Message, StringComparison.Ordinal);
        Assert.Contains("registered: 'profanity'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.Calls);
    }

    [Fact]
    public async Task TheEngineAlone_ChecksTheListsToo()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        var client = new PlantedChatClient(Planted);
        using var engine = TestEngines.Create(client, cache, o => o.ModelId = "planted");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunAsync(Items()));

        Assert.Contains("'profanity' in BlockedWordLists", error.Message, StringComparison.Ordinal);
        Assert.Contains("none is registered", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.Calls);
    }

    private static ListedScreening[] Items() => [.. Planted.Keys.Select((t, i) => new ListedScreening { Id = $"s{i:D2}", Title = t })];

    private static async Task<OfflinePipelineResult<ListedScreening>> RunAsync(
        TempDirectory directory, PlantedChatClient client, Action<IDictionary<string, IReadOnlyList<string>>> register)
    {
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache, o =>
        {
            o.ModelId = "planted";
            register(o.Governance.WordLists);
        });
        var options = new OfflinePipelineOptions { OutputDirectory = directory.File("out") };
        return await new OfflinePipeline<ListedScreening>(engine, cache, Options.Create(options)).RunAsync(Items());
    }
}

using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class EngineFaultTests
{
    [Fact]
    public async Task EveryFaultEndsInItsOutcome_WithAnInProcessClient()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient();

        var outcomes = await FaultCatalog.RunAsync(client, directory.File("cache.db"));

        FaultCatalog.AssertExpected(outcomes, overNetwork: false);
    }

    [Fact]
    public async Task EveryFaultEndsInItsOutcome_OverHttpWithTheOpenAIClient()
    {
        using var directory = new TempDirectory();
        await using var server = FakeOpenAIServer.Start(new FaultScript());
        using var client = server.CreateChatClient();

        var outcomes = await FaultCatalog.RunAsync(client, directory.File("cache.db"));

        FaultCatalog.AssertExpected(outcomes, overNetwork: true);
    }

    [Fact]
    public async Task ARepeatedTagIsRemoved_NotReasked_OverHttpWithTheOpenAIClient()
    {
        using var directory = new TempDirectory();
        await using var server = FakeOpenAIServer.Start(new FaultScript());
        using var client = server.CreateChatClient();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache, o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30));
        var outcomes = new List<ItemOutcome<Book>>();

        await foreach (var outcome in engine.EnrichAsync([new Book { Id = "r", Title = "#repeat@Genres", Description = "A test book." }]))
        {
            outcomes.Add(outcome);
        }

        var genres = Assert.Single(outcomes).Fields.Single(f => f.Field == "Genres");
        Assert.Equal((FieldStatus.Generated, 0), (genres.Status, genres.Reasks));
        Assert.Equal(["crime"], outcomes[0].Item.Genres);
    }
}

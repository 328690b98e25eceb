using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task NoMoreThanMaxConcurrencyRequestsAreInFlight_AndTheLimitIsReached()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient(latency: TimeSpan.FromMilliseconds(15));
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache, o => o.MaxConcurrency = 3);

        var report = await engine.RunAsync(Book.Catalog(24));

        Assert.Equal(24, report.Succeeded);
        Assert.Equal(3, client.MaxInFlight);
    }

    [Fact]
    public async Task OneSlowItemDoesNotHoldBackTheOthers()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient(latency: TimeSpan.FromMilliseconds(10));
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache, o => o.MaxConcurrency = 4);
        var items = Book.Catalog(40);
        items.Insert(0, new Book { Id = "stuck", Title = "#hang@Summary" });

        var order = new List<string>();
        var blurbsWhenTheFirstOutcomeArrived = -1;
        await foreach (var outcome in engine.EnrichAsync(items))
        {
            if (order.Count == 0)
            {
                blurbsWhenTheFirstOutcomeArrived = client.Requests.Count(r => r.Field == "Blurb" && !r.Prompt.Contains("#hang", StringComparison.Ordinal));
            }

            order.Add(outcome.Key);
        }

        // The hung item holds one request slot through its timed-out attempts; the other slots finish the rest of the
        // catalog meanwhile, and the outcomes still come in input order.
        Assert.Equal(items.Select(i => i.Id), order);
        Assert.Equal(40, blurbsWhenTheFirstOutcomeArrived);
    }
}

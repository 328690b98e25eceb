using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class DryRunTests
{
    [Fact]
    public async Task ADryRunCountsThePromptsARunWouldSend_AndPricesThemWithoutCallingTheModel()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache, o => o.Prices["fake-model"] = new ModelPrice(2.5m, 10m));
        var items = Book.Catalog(5);
        items.Add(new Book { Id = "", Title = "No key" });

        var estimate = await engine.EstimateAsync(items);

        Assert.Equal(0, client.Calls);
        Assert.Equal((6, 20L, 0L, 1), (estimate.Items, estimate.Requests, estimate.CachedAnswers, estimate.BadInputs));
        Assert.Equal(5 * (6 + 1), Field(estimate, "ForChildren").Tokens.OutputTokens);
        Assert.Equal(5 * (6 + 100), Field(estimate, "Summary").Tokens.OutputTokens);
        Assert.Equal((estimate.Tokens.InputTokens * 2.5m + estimate.Tokens.OutputTokens * 10m) / 1_000_000m, estimate.Cost);
        Assert.Empty(estimate.UnpricedModels);
        Assert.Contains("Dry run over 6 Book item(s): 20 request(s)", estimate.ToString(), StringComparison.Ordinal);

        await engine.RunAsync(items);
        foreach (var field in new[] { "Summary", "Genres", "ForChildren" })
        {
            var sent = client.Requests.Where(r => r.Field == field).Sum(r => TokenCounter.Count(r.System) + TokenCounter.Count(r.Prompt));
            Assert.Equal(sent, Field(estimate, field).Tokens.InputTokens);
        }
    }

    [Fact]
    public async Task CachedAnswersCostNothing_AndTheEstimateMatchesWhatARunThenDoes()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache);
        await engine.RunAsync(Book.Catalog(3));
        var calls = client.Calls;

        var estimate = await engine.EstimateAsync(Book.Catalog(4));
        var report = await engine.RunAsync(Book.Catalog(4));

        Assert.Equal((4, 12L, 4L), (estimate.Items, estimate.CachedAnswers, estimate.Requests));
        Assert.Equal(calls + 4, client.Calls);
        Assert.Equal(estimate.Requests, report.LlmCalls);
        Assert.Equal(estimate.CachedAnswers, report.CacheHits);
        Assert.Equal(["fake-model"], estimate.UnpricedModels);
    }

    [Fact]
    public async Task IdenticalPromptsAreCountedOnce_AsARunAsksThemOnce()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        // One request at a time and the copies well behind their originals, so that no copy is asked while its original is in flight.
        using var engine = TestEngines.Create(client, cache, o => o.MaxConcurrency = 1);
        var items = Book.Catalog(12);
        items.AddRange(items.Take(3).Select(b => new Book { Id = $"copy-{b.Id}", Title = b.Title, Description = b.Description }));

        var estimate = await engine.EstimateAsync(items);
        var report = await engine.RunAsync(items);

        Assert.Equal((15 * 4L, 12 * 4L), (estimate.Requests, estimate.DistinctPrompts));
        Assert.All(estimate.Fields, f => Assert.Equal((15, 12), (f.Requests, f.DistinctPrompts)));
        Assert.Equal(estimate.DistinctPrompts, report.LlmCalls);
        Assert.Equal(estimate.Requests - estimate.DistinctPrompts, report.CacheHits);
        var distinctSummaries = client.Requests.Where(r => r.Field == "Summary").Sum(r => TokenCounter.Count(r.System) + TokenCounter.Count(r.Prompt));
        Assert.Equal(distinctSummaries, Field(estimate, "Summary").Tokens.InputTokens);
        Assert.Contains("60 request(s) for 48 distinct prompt(s)", estimate.ToString(), StringComparison.Ordinal);
    }

    private static FieldEstimate Field(EnrichmentEstimate estimate, string name) => estimate.Fields.Single(f => f.Field == name);
}

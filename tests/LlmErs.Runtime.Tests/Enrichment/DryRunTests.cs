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

    private static FieldEstimate Field(EnrichmentEstimate estimate, string name) => estimate.Fields.Single(f => f.Field == name);
}

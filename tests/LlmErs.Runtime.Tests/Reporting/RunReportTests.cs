using System.Text.Json;
using LlmErs;
using LlmErs.Runtime.Tests.Enrichment;
using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Reporting;

public sealed class RunReportTests
{
    [Fact]
    public async Task TheReportAccountsForEveryItemCallTokenAndCost()
    {
        var (report, client) = await RunFaultCatalogAsync();

        Assert.Equal("Book", report.ItemType);
        Assert.Equal((18, 9, 9), (report.Items, report.Succeeded, report.Failed));
        Assert.Equal(
            new Dictionary<FailureReason, int>
            {
                [FailureReason.Transport] = 1, [FailureReason.Timeout] = 1, [FailureReason.InvalidAnswer] = 1,
                [FailureReason.Refusal] = 3, [FailureReason.BadInput] = 3,
            },
            report.FailuresByReason);
        Assert.Equal(["oov-always", "refused", "filtered", "blocked", "bad-request", "down", "hang", "", "plain"], report.Failures.Select(f => f.Key));
        Assert.Equal(client.Calls, report.LlmCalls + report.Retries);
        Assert.Equal(report.LlmCalls, report.Fields.Sum(f => f.LlmCalls));
        Assert.Equal(report.Tokens, new TokenUsage(report.Fields.Sum(f => f.Tokens.InputTokens), report.Fields.Sum(f => f.Tokens.OutputTokens)));
        Assert.Equal((report.Tokens.InputTokens * 1m + report.Tokens.OutputTokens * 4m) / 1_000_000m, report.Cost);
        Assert.Equal(0, report.CacheHits);
        Assert.True(report.WallTime > TimeSpan.Zero);

        Assert.Equal((14, 2, 0), Counts(report, "Summary"));
        Assert.Equal((13, 3, 0), Counts(report, "Genres"));
        Assert.Equal((15, 1, 0), Counts(report, "ForChildren"));
        Assert.Equal((12, 1, 3), Counts(report, "Blurb"));
    }

    [Fact]
    public async Task TheReportReadsAsJsonAndAsASummary()
    {
        using var directory = new TempDirectory();
        var (report, _) = await RunFaultCatalogAsync();

        await report.WriteJsonAsync(directory.File("report.json"));
        var json = JsonDocument.Parse(File.ReadAllText(directory.File("report.json"))).RootElement;
        var summary = report.ToString();

        Assert.Equal(report.ToJson(), File.ReadAllText(directory.File("report.json")));
        Assert.Equal(18, json.GetProperty("items").GetInt32());
        Assert.Equal(3, json.GetProperty("failuresByReason").GetProperty("Refusal").GetInt32());
        Assert.Equal(report.Tokens.InputTokens, json.GetProperty("tokens").GetProperty("inputTokens").GetInt64());
        Assert.Equal("Genres", json.GetProperty("fields")[1].GetProperty("field").GetString());
        Assert.Equal("InvalidAnswer", json.GetProperty("failures")[0].GetProperty("reason").GetString());
        Assert.Contains("Enriched 18 Book item(s)", summary, StringComparison.Ordinal);
        Assert.Contains("Failures: Transport 1, Timeout 1, InvalidAnswer 1, Refusal 3, BadInput 3.", summary, StringComparison.Ordinal);
        Assert.Contains("! oov-always [InvalidAnswer] Item 'oov-always', field 'Genres'", summary, StringComparison.Ordinal);
        Assert.Matches(@"\n  Field +Model +Generated", summary);
    }

    [Fact]
    public async Task ProgressIsReportedUpToTheFinalCount()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache, o => o.Prices["fake-model"] = new ModelPrice(1m, 1m));
        var snapshots = new List<EnrichmentProgress>();

        await engine.RunAsync(Book.Catalog(20), new EnrichmentRunOptions { Progress = new SynchronousProgress(snapshots) });

        Assert.True(snapshots.Count >= 2);
        Assert.Equal(snapshots.Select(s => s.Done).Order(), snapshots.Select(s => s.Done));
        var last = snapshots[^1];
        Assert.Equal((20, 20, 20, 0, 80L), (last.Done, last.Total, last.Succeeded, last.Failed, last.LlmCalls));
        Assert.Equal(TimeSpan.Zero, last.EstimatedRemaining);
        Assert.True(last.ItemsPerSecond > 0 && last.Cost > 0 && last.Tokens.TotalTokens > 0);
        Assert.Contains("20/20 items", last.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(EnrichmentReport Report, ScriptedChatClient Client)> RunFaultCatalogAsync()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache, o => o.Prices["FAKE-MODEL"] = new ModelPrice(1m, 4m));
        return (await engine.RunAsync(FaultCatalog.Items()), client);
    }

    private static (int Generated, int Failed, int Skipped) Counts(EnrichmentReport report, string field)
    {
        var fieldReport = report.Fields.Single(f => f.Field == field);
        return (fieldReport.Generated, fieldReport.Failed, fieldReport.Skipped);
    }

    private sealed class SynchronousProgress(List<EnrichmentProgress> snapshots) : IProgress<EnrichmentProgress>
    {
        public void Report(EnrichmentProgress value) => snapshots.Add(value);
    }
}

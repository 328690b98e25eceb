using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class RunOutputTests
{
    [Fact]
    public async Task ARunWritesOneRowPerSuccessfulItem_InInputOrder()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(latency: TimeSpan.FromMilliseconds(5)), cache, o => o.MaxConcurrency = 4);
        var items = Book.Catalog(10);
        items.Insert(3, new Book { Id = "refused", Title = "#refuse@Genres" });
        var run = new EnrichmentRunOptions { Outputs = { FeatureOutput.JsonLines(directory.File("books.jsonl")), FeatureOutput.Parquet(directory.File("books.parquet")) } };

        var report = await engine.RunAsync(items, run);

        var keys = File.ReadAllLines(directory.File("books.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("Id").GetString());
        Assert.Equal(Book.Catalog(10).Select(b => b.Id), keys);
        Assert.Equal(1, report.Failed);
        Assert.True(new FileInfo(directory.File("books.parquet")).Length > 0);
    }

    [Fact]
    public async Task ACancelledRunLeavesNoOutput_KeepsWhatItCompleted_AndTheRerunFinishesTheRest()
    {
        using var directory = new TempDirectory();
        var output = directory.File("books.jsonl");
        var items = Book.Catalog(40);
        var client = new ScriptedChatClient(latency: TimeSpan.FromMilliseconds(20));
        using var cancel = new CancellationTokenSource();
        await using (var cache = new SqliteEnrichmentCache(directory.File("cache.db")))
        using (var engine = TestEngines.Create(client, cache, o => o.MaxConcurrency = 4))
        {
            var progress = new Progress(done => { if (done >= 10) cancel.Cancel(); });
            var run = new EnrichmentRunOptions { Progress = progress, Outputs = { FeatureOutput.JsonLines(output) } };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunAsync(items, run, cancel.Token));
        }

        Assert.False(File.Exists(output));
        Assert.Equal([directory.File("cache.db")], Directory.GetFiles(directory.Path, "*", SearchOption.TopDirectoryOnly).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)));
        var firstCalls = client.Calls;

        var rerunClient = new ScriptedChatClient();
        long committed;
        await using (var cache = new SqliteEnrichmentCache(directory.File("cache.db")))
        using (var engine = TestEngines.Create(rerunClient, cache))
        {
            var report = await engine.RunAsync(items, new EnrichmentRunOptions { Outputs = { FeatureOutput.JsonLines(output) } });
            Assert.Equal(40, report.Succeeded);
            Assert.Equal(40 * 4, report.CacheHits + report.LlmCalls);
            committed = report.CacheHits;
        }

        // Every answer made durable before the cancellation is reused; only answers still in flight or awaiting their
        // commit are asked again, and at most one per item in progress (4 items per request slot, 4 slots).
        Assert.InRange(committed, 10 * 4, 40 * 4 - 1);
        Assert.Equal(40 * 4 - committed, rerunClient.Calls);
        Assert.InRange(firstCalls - committed, 0, 4 * 4);
        Assert.Equal(40, File.ReadAllLines(output).Length);
    }

    [Fact]
    public async Task PromptsOverTheirBudgetAreCutAndCounted()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache, o => o.Hygiene.FieldTokenBudgets["Summary"] = 8);
        var items = new List<Book>
        {
            new() { Id = "long", Title = "Long", Description = string.Join(' ', Enumerable.Repeat("very", 200)) },
            new() { Id = "short", Title = "A", Description = "B" },
        };

        var report = await engine.RunAsync(items);

        var summary = report.Fields.Single(f => f.Field == "Summary");
        Assert.Equal((1, 1L), (summary.TruncatedPrompts, report.TruncatedPrompts));
        Assert.True(client.Requests.Single(r => r.Field == "Summary" && r.Prompt.Contains("Long", StringComparison.Ordinal)).Prompt.Length < 100);
    }

    [Fact]
    public async Task AnItemsOutcomeNamesTheInputsThatWereCut()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache, o => o.Hygiene.FieldTokenBudgets["Summary"] = 8);
        var items = new List<Book>
        {
            new() { Id = "long", Title = "Long", Description = string.Join(' ', Enumerable.Repeat("very", 200)) },
            new() { Id = "short", Title = "A", Description = "B" },
        };

        var outcomes = await engine.EnrichAsync(items).ToListAsync();

        var cut = outcomes[0].Fields.Single(f => f.Field == "Summary");
        Assert.True(cut.Truncated);
        Assert.Equal(["description"], cut.TruncatedInputs);
        Assert.All(outcomes[1].Fields, field => Assert.Empty(field.TruncatedInputs));
    }

    private sealed class Progress(Action<int> onDone) : IProgress<EnrichmentProgress>
    {
        public void Report(EnrichmentProgress value) => onDone(value.Done);
    }
}

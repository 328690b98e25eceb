using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class RunOutputTests
{
    [Fact]
    public async Task ARunWritesOneRowPerItem_InInputOrder_TheSuccessfulOnesOk_AndTheFailedOneFailed()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(latency: TimeSpan.FromMilliseconds(5)), cache, o => o.MaxConcurrency = 4);
        var items = Book.Catalog(10);
        items.Insert(3, new Book { Id = "refused", Title = "#refuse@Genres" });
        var pipeline = Pipelines.Create<Book>(engine, cache, directory.Path, FeatureOutput.JsonLines(directory.File("books.jsonl")), FeatureOutput.Parquet(directory.File("books.parquet")));

        var report = (await pipeline.RunAsync(items)).Report.Enrichment;

        var rows = File.ReadAllLines(directory.File("books.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(items.Select(b => b.Id), rows.Select(r => r.GetProperty("Id").GetString()));
        var succeeded = rows.Where(r => r.GetProperty("Id").GetString() != "refused");
        Assert.Equal(Book.Catalog(10).Select(b => b.Id), succeeded.Select(r => r.GetProperty("Id").GetString()));
        Assert.All(succeeded, r => Assert.Equal("ok", r.GetProperty("Genres_status").GetString()));
        Assert.StartsWith("failed: Refusal", rows[3].GetProperty("Genres_status").GetString(), StringComparison.Ordinal);
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
            var pipeline = Pipelines.Create<Book>(engine, cache, directory.Path, FeatureOutput.JsonLines(output));
            var stop = new PipelineProgressRelay(p => { if (p.Stage == PipelineStage.Enrichment) progress.Report(p.Done); });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.RunAsync(items, stop, cancel.Token));
        }

        Assert.False(File.Exists(output));
        Assert.Equal([directory.File("cache.db")], Directory.GetFiles(directory.Path, "*", SearchOption.TopDirectoryOnly).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)));
        var firstCalls = client.Calls;

        var rerunClient = new ScriptedChatClient();
        long committed;
        await using (var cache = new SqliteEnrichmentCache(directory.File("cache.db")))
        using (var engine = TestEngines.Create(rerunClient, cache))
        {
            var report = (await Pipelines.Create<Book>(engine, cache, directory.Path, FeatureOutput.JsonLines(output)).RunAsync(items)).Report.Enrichment;
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

    private sealed class Progress(Action<int> onDone)
    {
        public void Report(int done) => onDone(done);
    }

    private sealed class PipelineProgressRelay(Action<PipelineProgress> report) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => report(value);
    }
}

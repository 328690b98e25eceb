using System.Text.Json;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class BatchModeTests
{
    private const int Items = 12;
    private const string Key = "sk-test-0123456789abcdef";

    [Fact]
    public async Task AFullBatchIsValidatedAndCached_ARerunMakesNoCallAtAll_AndTheValuesAreThoseOfALiveRun()
    {
        await using var run = new BatchHarness(new BatchScenario());
        var (directory, server, live, cache) = run;
        var batched = Book.Catalog(Items);
        var progress = new List<EnrichmentProgress>();

        EnrichmentReport first;
        using (var engine = CreateEngine(live, cache, server, directory.Path))
        {
            first = await engine.RunAsync(batched, new EnrichmentRunOptions { Progress = new SynchronousProgress<EnrichmentProgress>(progress.Add) });
        }

        // Round one asks the three independent fields, round two Blurb, which reads Genres.
        Assert.Equal(2, server.BatchesCreated);
        Assert.Equal(0, live.Calls);
        Assert.Equal((Items, Items * 4, Items * 4, 0, 0), (first.Succeeded, first.CacheHits, first.Batch!.Valid, first.Batch.Invalid, first.Batch.Unanswered));
        Assert.Equal(0, first.LlmCalls);
        Assert.True(first.Batch.Tokens.TotalTokens > 0);
        Assert.Contains(progress, p => p.Batch is { Pending: 0, Batches: 1, Requests: Items * 3, Completed: Items * 3 });
        Assert.Empty(await ReadLedgerAsync(directory.Path));

        var liveRun = Book.Catalog(Items);
        await using (var liveCache = new SqliteEnrichmentCache(directory.File("live.db")))
        using (var liveEngine = TestEngines.Create(new ScriptedChatClient(), liveCache))
        {
            await liveEngine.RunAsync(liveRun);
        }

        Assert.Equal(Snapshot(liveRun), Snapshot(batched));

        var calls = server.Calls.Count;
        var rerun = Book.Catalog(Items);
        using (var engine = CreateEngine(live, cache, server, directory.Path))
        {
            var second = await engine.RunAsync(rerun);
            Assert.Equal((Items, Items * 4, 0, 0), (second.Succeeded, second.CacheHits, second.LlmCalls, second.Batch!.Requests));
        }

        Assert.Equal(calls, server.Calls.Count);
        Assert.Equal(0, live.Calls);
        Assert.Equal(Snapshot(batched), Snapshot(rerun));
    }

    [Fact]
    public async Task AnInvalidAnswerInTheBatchIsAskedLive_WhereTheEngineReasksIt()
    {
        await using var run = new BatchHarness(new BatchScenario());
        var (directory, server, live, cache) = run;
        var catalog = Book.Catalog(4);
        catalog[2] = new Book { Id = "b-oov", Title = "#oov@Genres", Description = "Tagged outside the vocabulary first." };
        using var engine = CreateEngine(live, cache, server, directory.Path);

        var report = await engine.RunAsync(catalog);

        Assert.Equal((4, 1, 0), (report.Succeeded, report.Batch!.Invalid, report.Batch.Unanswered));
        // Genres live (an invalid first answer, then the re-ask), then Blurb, which could not be batched without Genres.
        Assert.Equal(["Genres", "Genres", "Blurb"], live.Requests.Select(r => r.Field));
        Assert.Equal(1, report.Reasks);
        Assert.All(catalog[2].Genres, g => Assert.NotEqual("not-in-the-vocabulary", g));
    }

    [Fact]
    public async Task ABatchThatExpiresWithPartOfItsRequestsDone_UsesThatPart_AndAsksTheRestLive()
    {
        const int Answered = 20;
        await using var run = new BatchHarness(new BatchScenario { EndStatus = "expired", AnsweredLines = Answered });
        var (directory, server, live, cache) = run;
        var catalog = Book.Catalog(Items);
        using var engine = CreateEngine(live, cache, server, directory.Path);

        var report = await engine.RunAsync(catalog);

        var (_, output, errors) = server.Batches[0];
        Assert.Equal(Answered, Lines(server.FileText(output!)).Length);
        Assert.All(Lines(server.FileText(errors!)), line => Assert.Contains("batch_expired", line, StringComparison.Ordinal));
        Assert.Equal(Items * 3 - Answered, Lines(server.FileText(errors!)).Length);
        Assert.Equal(Items, report.Succeeded);
        Assert.Equal(Items * 3 - Answered, report.Batch!.Unanswered);
        // Every field answered once, by the batch or live, never both.
        Assert.Equal(Items * 4, report.Batch.Valid + live.Calls);
        Assert.Equal(live.Calls, report.LlmCalls);
        Assert.Equal(Items * 4 - live.Calls, report.CacheHits);
        var batched = Lines(server.FileText(output!)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("custom_id").GetString()!)
            .Select(id => (id[..id.IndexOf('-', StringComparison.Ordinal)], PromptOf(server, id))).ToHashSet();
        Assert.All(live.Requests, r => Assert.DoesNotContain((r.Field!, r.Prompt), batched));
    }

    [Fact]
    public async Task AFailedBatchIsAClearError_AndIsForgotten()
    {
        await using var run = new BatchHarness(new BatchScenario { EndStatus = "failed" });
        var (directory, server, live, cache) = run;
        using var engine = CreateEngine(live, cache, server, directory.Path);

        var error = await Assert.ThrowsAsync<EnrichmentBatchException>(() => engine.RunAsync(Book.Catalog(2)));

        Assert.Equal("batch_1", error.BatchId);
        Assert.Contains("Batch batch_1 at " + server.Endpoint, error.Message, StringComparison.Ordinal);
        Assert.Contains("failed: line 1: The model 'no-such-model' does not exist. [invalid_request]", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadLedgerAsync(directory.Path));
        Assert.Equal(0, live.Calls);
    }

    [Fact]
    public async Task A401OnUploadIsAClearError_ThatNamesTheKeysSettingButNeverTheKey()
    {
        await using var run = new BatchHarness(new BatchScenario { UploadStatus = 401 });
        var (directory, server, live, cache) = run;
        using var engine = CreateEngine(live, cache, server, directory.Path);

        var error = await Assert.ThrowsAsync<EnrichmentBatchException>(() => engine.RunAsync(Book.Catalog(2)));

        Assert.Equal("Bearer " + Key, server.Authorization);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains($"Could not upload the batch input file: the Batch API at {server.Endpoint}/ answered 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the API key (BatchEnrichmentOptions.ApiKey or OPENAI_API_KEY)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bearer ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.BatchesCreated);
        Assert.Equal(0, live.Calls);
    }

    [Fact]
    public async Task ARestartedRunResumesPollingTheRecordedBatch_InsteadOfSubmittingAnother()
    {
        var scenario = new BatchScenario { PollsBeforeEnd = int.MaxValue };
        await using var run = new BatchHarness(scenario);
        var (directory, server, live, cache) = run;
        using var stop = new CancellationTokenSource();
        using (var engine = CreateEngine(live, cache, server, directory.Path))
        {
            // The first run is stopped while its batch is pending, as a crash or Ctrl+C would stop it.
            var progress = new SynchronousProgress<EnrichmentProgress>(p =>
            {
                if (p.Batch is { Pending: 1 })
                {
                    stop.Cancel();
                }
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => engine.RunAsync(Book.Catalog(Items), new EnrichmentRunOptions { Progress = progress }, stop.Token));
        }

        var recorded = Assert.Single(await ReadLedgerAsync(directory.Path));
        Assert.Equal("batch_1", recorded.GetProperty("batch_id").GetString());
        Assert.Equal(Items * 3, recorded.GetProperty("requests").GetInt32());

        scenario.PollsBeforeEnd = 0;
        using (var engine = CreateEngine(live, cache, server, directory.Path))
        {
            var report = await engine.RunAsync(Book.Catalog(Items));
            Assert.Equal((Items, Items * 4), (report.Succeeded, report.Batch!.Valid));
            Assert.Equal(["batch_1", "batch_2"], report.Batch.BatchIds);
        }

        Assert.Equal(2, server.BatchesCreated);
        Assert.Equal(2, server.Calls.Count(c => c == "POST /v1/files"));
        Assert.Equal(0, live.Calls);
        Assert.Empty(await ReadLedgerAsync(directory.Path));
    }

    [Fact]
    public async Task ABatchStillPendingAfterMaxWaitIsAClearError_AndStaysRecordedForTheNextRun()
    {
        await using var run = new BatchHarness(new BatchScenario { PollsBeforeEnd = int.MaxValue });
        var (directory, server, live, cache) = run;
        using var engine = CreateEngine(live, cache, server, directory.Path, o => o.MaxWait = TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAsync<EnrichmentBatchException>(() => engine.RunAsync(Book.Catalog(2)));

        Assert.Equal("batch_1", error.BatchId);
        Assert.Contains("Batch(es) batch_1 (in_progress)", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not finish within BatchEnrichmentOptions.MaxWait", error.Message, StringComparison.Ordinal);
        Assert.Contains("run again to resume waiting", error.Message, StringComparison.Ordinal);
        Assert.Equal("batch_1", Assert.Single(await ReadLedgerAsync(directory.Path)).GetProperty("batch_id").GetString());
        Assert.Equal(0, live.Calls);
    }

    [Fact]
    public async Task StatusRequestsThatFailForAWhileAreWaitedOut()
    {
        await using var run = new BatchHarness(new BatchScenario { FailingPolls = 3 });
        var (directory, server, live, cache) = run;
        using var engine = CreateEngine(live, cache, server, directory.Path);

        var report = await engine.RunAsync(Book.Catalog(2));

        Assert.Equal((2, 8, 0), (report.Succeeded, report.Batch!.Valid, live.Calls));
        Assert.True(server.Calls.Count(c => c.StartsWith("GET /v1/batches/", StringComparison.Ordinal)) >= 3 + 2);
    }

    [Fact]
    public async Task ManyRequestsAreSplitIntoSeveralBatches_AndIdenticalPromptsAreSentOnce()
    {
        await using var run = new BatchHarness(new BatchScenario());
        var (directory, server, live, cache) = run;
        var catalog = Book.Catalog(Items);
        catalog.Add(new Book { Id = "twin", Title = catalog[0].Title, Description = catalog[0].Description });
        using var engine = CreateEngine(live, cache, server, directory.Path, o => o.MaxRequestsPerBatch = 10);

        var report = await engine.RunAsync(catalog);

        // 36 requests in round one (the twin's are its original's) in 4 batches, 12 in round two in 2.
        Assert.Equal(6, server.BatchesCreated);
        Assert.Equal([10, 10, 10, 6, 10, 2], server.InputFiles.Select(f => Lines(f).Length));
        Assert.Equal((Items + 1, Items * 4), (report.Succeeded, report.Batch!.Requests));
        Assert.Equal(0, live.Calls);
        Assert.Equal(Snapshot([catalog[0]]), Snapshot([catalog[^1]]).Replace("twin", "b0000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachLineCarriesTheLiveRequest_AndACustomIdThatNamesTheFieldAndTheQuestion()
    {
        using var directory = new TempDirectory();
        await using var batchServer = FakeBatchServer.Start(new BatchScenario());
        await using var liveServer = FakeOpenAIServer.Start(new FaultScript());
        void Options(EnrichmentOptions o) => o.ChatOptions = new ChatOptions { Temperature = 0.2f, Seed = 7, MaxOutputTokens = 200, StopSequences = ["\n\n"] };
        var book = new Book { Id = "b1", Title = "Dune", Description = "A test book." };
        await using (var cache = new SqliteEnrichmentCache(directory.File("batch.db")))
        using (var engine = CreateEngine(new ScriptedChatClient(), cache, batchServer, directory.Path, configure: null, Options))
        {
            await engine.RunAsync([book]);
        }

        await using (var cache = new SqliteEnrichmentCache(directory.File("live.db")))
        using (var client = liveServer.CreateChatClient())
        using (var engine = TestEngines.Create(client, cache, o => { Options(o); o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30); }))
        {
            await engine.RunAsync([new Book { Id = "b1", Title = "Dune", Description = "A test book." }]);
        }

        var lines = batchServer.InputFiles.SelectMany(Lines).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // The live run's field requests; its preflight carries no schema.
        var bodies = liveServer.Bodies.Select(b => JsonDocument.Parse(b).RootElement).Where(b => b.TryGetProperty("response_format", out _)).ToList();
        Assert.Equal(4, lines.Count);
        foreach (var line in lines)
        {
            Assert.Equal(("POST", "/v1/chat/completions"), (line.GetProperty("method").GetString(), line.GetProperty("url").GetString()));
            var body = line.GetProperty("body");
            var field = body.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString()!;
            var livePeer = bodies.Single(b => b.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString() == field);
            Assert.Matches($"^{field}-[0-9a-f]{{64}}$", line.GetProperty("custom_id").GetString());
            foreach (var member in new[] { "model", "messages", "temperature", "seed", "max_completion_tokens", "stop" })
            {
                Assert.Equal(livePeer.GetProperty(member).GetRawText(), body.GetProperty(member).GetRawText());
            }

            Assert.Equal(livePeer.GetProperty("response_format").GetProperty("type").GetString(), body.GetProperty("response_format").GetProperty("type").GetString());
            var schema = ((LlmField<Book>)global::LlmErs.EnrichmentModel.Of<Book>().Field(field)).JsonSchema;
            Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(schema).RootElement),
                body.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema").GetRawText());
            Assert.DoesNotContain(AnswerConstraints.ChatOptionsKey, line.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePipelineRunsInBatchMode_AndReportsTheBatchesInItsEnrichmentProgress()
    {
        await using var run = new BatchHarness(new BatchScenario());
        var (directory, server, live, cache) = run;
        using var engine = CreateEngine(live, cache, server, directory.Path);
        var progress = new List<PipelineProgress>();

        var result = await Pipelines.Create<Book>(engine, cache, directory.File("out")).RunAsync(
            Book.Catalog(3), new SynchronousProgress<PipelineProgress>(progress.Add));

        Assert.Equal((3, 3 * 4, 0), (result.Report.Enrichment.Succeeded, result.Report.Enrichment.Batch!.Valid, live.Calls));
        Assert.Contains(progress, p => p is { Stage: PipelineStage.Enrichment, Done: 0, Batch: { Requests: 3 * 3, Pending: 0 } });
    }

    [Fact]
    public async Task StreamingEnrichmentUsesTheBatchesToo()
    {
        await using var run = new BatchHarness(new BatchScenario());
        var (directory, server, live, cache) = run;
        using var engine = CreateEngine(live, cache, server, directory.Path);

        var outcomes = await engine.EnrichAsync(Book.Catalog(3)).ToListAsync();

        Assert.All(outcomes, o => Assert.Null(o.Failure));
        Assert.Equal((2, 0), (server.BatchesCreated, live.Calls));
    }

    [Fact]
    public void BatchModeWithoutAStateDirectoryIsRejectedWithTheOptionsName()
    {
        var error = Assert.Throws<ArgumentException>(() => TestEngines.Create(new ScriptedChatClient(), new NullCache(), o =>
            o.Batch = new BatchEnrichmentOptions { ApiKey = Key }));

        Assert.Contains("BatchEnrichmentOptions.StateDirectory", error.Message, StringComparison.Ordinal);
    }

    private static EnrichmentEngine CreateEngine(
        IChatClient live, IEnrichmentCache cache, FakeBatchServer server, string stateDirectory,
        Action<BatchEnrichmentOptions>? configure = null, Action<EnrichmentOptions>? engine = null) =>
        TestEngines.Create(live, cache, o =>
        {
            o.Batch = new BatchEnrichmentOptions
            {
                Endpoint = server.Endpoint,
                ApiKey = Key,
                StateDirectory = Path.Combine(stateDirectory, "batches"),
                PollInterval = TimeSpan.FromMilliseconds(5),
            };
            configure?.Invoke(o.Batch);
            engine?.Invoke(o);
        });

    private static async Task<List<JsonElement>> ReadLedgerAsync(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "batches", BatchEnrichmentOptions.LedgerFileName);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        return [.. document.RootElement.GetProperty("batches").EnumerateArray().Select(e => e.Clone())];
    }

    private static string PromptOf(FakeBatchServer server, string customId) =>
        server.InputFiles.SelectMany(Lines).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(l => l.GetProperty("custom_id").GetString() == customId)
            .GetProperty("body").GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!;

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Snapshot(IEnumerable<Book> books) =>
        string.Join("\n", books.Select(b => $"{b.Id}|{b.Summary}|{string.Join(',', b.Genres ?? [])}|{b.ForChildren}|{b.Blurb}"));

    private sealed class NullCache : IEnrichmentCache
    {
        public ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default) => ValueTask.FromResult(CacheLookup.Miss);

        public ValueTask SetAsync(CacheKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}

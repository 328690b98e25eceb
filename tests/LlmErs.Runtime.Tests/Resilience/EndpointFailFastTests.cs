using System.Diagnostics;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Xunit;

namespace LlmErs.Runtime.Tests.Resilience;

/// <summary>
/// A run against an endpoint that cannot serve it stops early, says why and what to check, and keeps what it got;
/// over real HTTP with the OpenAI client against a loopback server (or a port with nothing listening).
/// </summary>
public sealed class EndpointFailFastTests
{
    private const string Key = "sk-test-4f9c2a7be1d04c8a9e3b5f6a7c8d9e0f";

    [Fact]
    public async Task NothingListening_StopsInSeconds_NamingTheAddress()
    {
        var address = new Uri($"http://127.0.0.1:{FakeOpenAIServer.FreePort()}/v1");
        using var client = FakeOpenAIServer.CreateChatClient(address);
        var watch = Stopwatch.StartNew();

        var stopped = await RunToStopAsync(client, Book.Catalog(200), o => o.Resilience.Preflight = false);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"Stopping took {watch.Elapsed}.");
        Assert.Equal(StopReason.Unreachable, stopped.Stop.Reason);
        Assert.Contains(address.ToString(), stopped.Message, StringComparison.Ordinal);
        Assert.Contains("'fake-model'", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("check the URL and port", stopped.Message, StringComparison.Ordinal);
        Assert.Same(stopped.Stop, stopped.Report!.Stopped);
        Assert.True(stopped.Report.Items < 200);
        Assert.Contains("STOPPED (Unreachable)", stopped.Report.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"stopped\"", stopped.Report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreflightFindsNothingListening_BeforeAnyItem()
    {
        var address = new Uri($"http://127.0.0.1:{FakeOpenAIServer.FreePort()}/v1");
        using var client = FakeOpenAIServer.CreateChatClient(address, model: "my-model");

        var stopped = await RunToStopAsync(client, Book.Catalog(20));

        Assert.Equal(StopReason.Unreachable, stopped.Stop.Reason);
        Assert.StartsWith($"The preflight request to model 'my-model' at {address}", stopped.Message, StringComparison.Ordinal);
        Assert.Equal(0, stopped.Report!.Items);
    }

    [Fact]
    public async Task AServerThatNeverAnswers_StopsTheRunAfterKAttemptTimeouts()
    {
        await using var server = FakeOpenAIServer.Start(_ => new FakeReply(FakeReplyKind.Hang));
        using var client = server.CreateChatClient();
        var watch = Stopwatch.StartNew();

        var stopped = await RunToStopAsync(client, Book.Catalog(200), o =>
        {
            o.Resilience.Preflight = false;
            o.MaxConcurrency = 2;
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Resilience.StopAfterConsecutiveFailures = 4;
        });

        // Four timed-out attempts, two at a time, and the short backoff between them: well under two seconds when idle.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"Stopping took {watch.Elapsed}.");
        Assert.Equal(StopReason.NoAnswer, stopped.Stop.Reason);
        Assert.Contains("4 attempts in a row", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("No answer within 0.3 s", stopped.Message, StringComparison.Ordinal);
        Assert.InRange(server.Requests, 4, 6);
    }

    [Fact]
    public async Task ThePreflightFindsAServerThatNeverAnswers_WithinOneAttemptTimeout()
    {
        await using var server = FakeOpenAIServer.Start(_ => new FakeReply(FakeReplyKind.Hang));
        using var client = server.CreateChatClient();
        var watch = Stopwatch.StartNew();

        var stopped = await RunToStopAsync(client, Book.Catalog(20), o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {watch.Elapsed}.");
        Assert.Equal(StopReason.NoAnswer, stopped.Stop.Reason);
        // The request may be abandoned before the listener has even handed it on.
        Assert.InRange(server.Requests, 0, 1);
    }

    [Fact]
    public async Task A401StopsAtOnce_WithoutRetries_AndTheEchoedKeyIsMaskedEverywhere()
    {
        await using var server = FakeOpenAIServer.Start(_ => FakeReply.Error(401, "invalid_api_key") with { EchoAuthorization = true });
        using var client = server.CreateChatClient(apiKey: Key);
        var logs = new CapturingLoggerFactory();

        var stopped = await RunToStopAsync(client, Book.Catalog(200), o =>
        {
            o.Resilience.Preflight = false;
            o.MaxConcurrency = 4;
        }, logs);

        Assert.Equal(StopReason.Unauthorized, stopped.Stop.Reason);
        Assert.Contains("HTTP 401", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("check the API key", stopped.Message, StringComparison.Ordinal);
        Assert.Contains($"Bearer {SecretMask.Mask}", stopped.Message, StringComparison.Ordinal);
        // The requests in flight when the first 401 came back, not one per item.
        Assert.InRange(server.Requests, 1, 4);
        Assert.Equal(0, stopped.Report!.Retries);
        Assert.NotEmpty(logs.Written);
        AssertMasked(stopped.Message, stopped.Report.ToString(), stopped.Report.ToJson(), string.Join("\n", logs.Written));
    }

    [Fact]
    public async Task ThePreflightReportsA401_AndMasksTheEchoedKey()
    {
        await using var server = FakeOpenAIServer.Start(_ => FakeReply.Error(401, "invalid_api_key") with { EchoAuthorization = true });
        using var client = server.CreateChatClient(apiKey: Key);
        var logs = new CapturingLoggerFactory();

        var stopped = await RunToStopAsync(client, Book.Catalog(20), null, logs);

        Assert.Equal(StopReason.Unauthorized, stopped.Stop.Reason);
        Assert.Equal(1, server.Requests);
        AssertMasked(stopped.Message, stopped.Report!.ToJson(), string.Join("\n", logs.Written));
    }

    [Fact]
    public async Task A404StopsAtOnce_AndPointsAtTheModelName()
    {
        await using var server = FakeOpenAIServer.Start(_ => FakeReply.Error(404, "model_not_found"));
        using var client = server.CreateChatClient(model: "gpt-typo");

        var stopped = await RunToStopAsync(client, Book.Catalog(200), o => o.Resilience.Preflight = false);

        Assert.Equal(StopReason.NotFound, stopped.Stop.Reason);
        Assert.Contains("'gpt-typo'", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("Check the model name", stopped.Message, StringComparison.Ordinal);
        Assert.InRange(server.Requests, 1, 8);
    }

    [Fact]
    public async Task Intermittent500sAreStillRetried_AndTheRunSucceeds()
    {
        await using var server = FakeOpenAIServer.Start(new FaultScript());
        using var client = server.CreateChatClient();
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        // More failed attempts than the stop limit, none of them a connection failure or a timeout.
        using var engine = TestEngines.Create(client, cache, o => o.Resilience.StopAfterConsecutiveFailures = 2);
        var items = Book.Catalog(10).Select(b => new Book { Id = b.Id, Title = $"{b.Title} #500", Description = b.Description }).ToList();

        var report = await engine.RunAsync(items);

        Assert.Null(report.Stopped);
        Assert.Equal(10, report.Succeeded);
        Assert.InRange(report.Retries, 40, 48);
    }

    [Fact]
    public async Task AnsweredItemsStayCached_SoARerunAfterTheStopAsksOnlyForTheRest()
    {
        var answered = 0;
        var script = new FaultScript();
        // The endpoint answers the first 24 field requests, then its key is revoked.
        await using var server = FakeOpenAIServer.Start(request =>
            request.IsPlain || Interlocked.Increment(ref answered) <= 24 ? script.Decide(request) : FakeReply.Error(403, "revoked"));
        using var client = server.CreateChatClient();
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        var items = Book.Catalog(30);

        // A generous attempt timeout: the preflight is the process's first request and has a single attempt.
        using (var engine = TestEngines.Create(client, cache, o =>
        {
            o.MaxConcurrency = 1;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(20);
        }))
        {
            var stopped = await Assert.ThrowsAsync<EnrichmentStoppedException>(() => engine.RunAsync(items));
            Assert.True(StopReason.Unauthorized == stopped.Stop.Reason, stopped.Message);
        }

        var scripted = new ScriptedChatClient();
        using var rerun = TestEngines.Create(scripted, cache);
        var report = await rerun.RunAsync(items);

        Assert.Equal(30, report.Succeeded);
        Assert.Equal(24, report.CacheHits);
        Assert.Equal(30 * 4 - 24, scripted.Calls);
    }

    [Fact]
    public async Task AnInProcessClientIsNeverPreflighted()
    {
        var client = new ScriptedChatClient();
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(client, cache);

        await engine.RunAsync(Book.Catalog(2));

        Assert.Equal(8, client.Calls);
    }

    private static void AssertMasked(params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Key[3..], text, StringComparison.Ordinal);
        }
    }

    private static async Task<EnrichmentStoppedException> RunToStopAsync(
        IChatClient client, List<Book> items, Action<EnrichmentOptions>? configure = null, CapturingLoggerFactory? logs = null)
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = new EnrichmentEngine(client, cache, Options.Create(TestEngines.FastOptions(configure)), logs);
        return await Assert.ThrowsAsync<EnrichmentStoppedException>(() => engine.RunAsync(items));
    }
}

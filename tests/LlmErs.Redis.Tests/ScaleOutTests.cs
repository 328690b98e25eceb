using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmErs.Redis.Tests;

/// <summary>
/// Three worker processes enrich one catalog through Redis; one is killed with SIGKILL mid-run. Its model stops
/// answering after <see cref="VictimAnswers"/> calls, so it surely holds unfinished items when it dies, however busy
/// the machine. The others take its items over after the claim timeout, and the finishing process writes outputs
/// byte-identical to a single-process run's, from the shared cache alone.
/// </summary>
public sealed class ScaleOutTests
{
    private const int Items = 60;
    private const int Fields = 2;
    private const int Concurrency = 4;
    private const int VictimAnswers = 10;
    private const int LatencyMilliseconds = 20;

    // Long enough that a live worker on a loaded machine keeps its items (it touches them four times per timeout).
    private const int ClaimTimeoutMilliseconds = 3000;

    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(90);

    [RedisFact]
    public async Task AWorkerKilledMidRun_LosesNoItem_RepeatsOnlyItsCallsInFlight_AndTheOutputsMatchASingleProcessRun()
    {
        using var single = new TempDirectory();
        using var scaled = new TempDirectory();
        var queue = RedisServer.NewQueueName("kill");
        string[] work = ["--latency-ms", $"{LatencyMilliseconds}", "--concurrency", $"{Concurrency}", "--claim-timeout-ms", $"{ClaimTimeoutMilliseconds}"];
        using var baseline = ChildProcess.Start("single", queue, Items, ["--out", single.Path, .. work]);

        using (var enqueue = ChildProcess.Start("enqueue", queue, Items))
        {
            await enqueue.SucceedAsync(s_patience);
        }

        using var victim = ChildProcess.Start("work", queue, Items, [.. work, "--stall-after", $"{VictimAnswers}", "--consumer", "victim"]);
        using var first = ChildProcess.Start("work", queue, Items, [.. work, "--consumer", "first"]);
        using var second = ChildProcess.Start("work", queue, Items, [.. work, "--consumer", "second"]);

        await using var redis = await RedisServer.ConnectAsync();
        var database = redis.GetDatabase();
        var counters = new Counters(database, queue);
        await WaitUntilAsync(async () =>
            await counters.ReadAsync("work", victim.Id, "cached") >= VictimAnswers && await counters.ReadAsync("work", victim.Id, "started") > VictimAnswers, victim);

        var stream = new QueueKeys(queue).Stream;
        var victimHeld = (await database.StreamPendingAsync(stream, "workers")).Consumers.SingleOrDefault(c => c.Name == "victim").PendingMessageCount;
        await victim.KillAsync();
        var inFlightAtKill = await counters.ReadAsync("work", victim.Id, "started") - await counters.ReadAsync("work", victim.Id, "cached");
        Assert.True(victimHeld > 0, "The killed worker held no unfinished item, so nothing tested the takeover.");
        Assert.InRange(inFlightAtKill, 1, Concurrency);

        var reports = new[] { await first.SucceedAsync(s_patience), await second.SucceedAsync(s_patience) }
            .Select(lines => JsonSerializer.Deserialize<WorkerReport>(lines[^1])!)
            .ToArray();
        Assert.True(reports.Sum(r => r.Reclaimed) >= victimHeld, $"The live workers took over {reports.Sum(r => r.Reclaimed)} item(s); the killed one held {victimHeld}.");

        var progress = await new RedisWorkQueue(redis, Options.Create(new RedisWorkQueueOptions { Name = queue })).GetProgressAsync();
        Assert.Equal(new WorkQueueProgress(Items, Items, 0, true), progress);

        // Every (item, field) asked once, plus at most what the killed worker had asked and not yet cached.
        var calls = await counters.SumAsync("work", "started");
        Assert.InRange(calls, Items * Fields, Items * Fields + inFlightAtKill);

        await ChildProcess.Start("finish", queue, Items, "--out", scaled.Path).SucceedAsync(s_patience);
        Assert.Equal(0, await counters.SumAsync("finish", "started"));
        await baseline.SucceedAsync(s_patience);
        foreach (var file in (string[])["articles.parquet", "articles.jsonl"])
        {
            Assert.Equal(File.ReadAllBytes(single.File(file)), File.ReadAllBytes(scaled.File(file)));
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, ChildProcess child)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.False(child.HasExited, "The worker to be killed exited on its own.");
            Assert.True(watch.Elapsed < s_patience, $"The worker to be killed did not answer {VictimAnswers} calls within {s_patience}.");
            await Task.Delay(10);
        }
    }

    /// <summary>The child processes' counts, <c>{mode}:{process id}:{counter}</c> in one hash.</summary>
    private sealed class Counters(IDatabase database, string queue)
    {
        private readonly RedisKey _key = $"test:{queue}:counters";

        public async Task<long> ReadAsync(string mode, int processId, string counter) =>
            (long?)await database.HashGetAsync(_key, $"{mode}:{processId}:{counter}") ?? 0;

        public async Task<long> SumAsync(string mode, string counter) =>
            (await database.HashGetAllAsync(_key))
                .Where(e => ((string)e.Name!).StartsWith(mode + ":", StringComparison.Ordinal) && ((string)e.Name!).EndsWith(":" + counter, StringComparison.Ordinal))
                .Sum(e => (long)e.Value);
    }
}

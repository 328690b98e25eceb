using System.Diagnostics;
using System.Globalization;
using LlmErs.Benchmarks.Enrichment;
using LlmErs.Redis;
using LlmErs.Runtime.CrashChild;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmErs.Benchmarks.ScaleOut;

/// <summary>
/// Worker scaling over Redis: 1, 2 and 3 worker processes (LlmErs.Redis.WorkerChild) enrich one catalog against a
/// simulated model with fixed latency L, each engine with C requests in flight, all under one rate limit R shared
/// through Redis. Little's law bounds the throughput: X ≤ min(workers × C / L, R). Each figure is the median of the
/// rounds, timed from the enqueue to the last item done, and in the steady state between a fifth and four fifths of the
/// items done, with the workers already started and polling.
/// </summary>
/// <remarks>Usage: <c>--workers-report [--redis host:port] [--items 200] [--latency-ms 50] [--concurrency 4] [--rate-per-second 200] [--rounds 3]</c>;
/// the Redis address defaults to <c>LLMERS_REDIS</c>.</remarks>
internal static class WorkersReport
{
    private const int Fields = 2;

    public static int Run(string[] args)
    {
        var options = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[(2 * i) + 1], StringComparer.Ordinal);
        int Number(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        var address = options.GetValueOrDefault("--redis") ?? Environment.GetEnvironmentVariable("LLMERS_REDIS");
        if (string.IsNullOrEmpty(address))
        {
            Console.Error.WriteLine("Start redis-server (e.g. redis-server --port 6390 --save '' --appendonly no) and pass --redis 127.0.0.1:6390, or set LLMERS_REDIS.");
            return 2;
        }

        var setup = new Setup(address, Number("--items", 200), Number("--latency-ms", 50), Number("--concurrency", 4), Number("--rate-per-second", 200));
        var rounds = Number("--rounds", 3);
        Console.WriteLine($"# Worker scaling over Redis ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, load average {EnrichmentStopwatchReport.LoadAverage()} at start; {setup.Items} items × {Fields} fields, L = {setup.LatencyMs} ms, C = {setup.Concurrency} per worker, R = {setup.RatePerSecond} requests/s shared; medians of {rounds} rounds."));
        Console.WriteLine();
        Console.WriteLine("| workers | workers × C / L, calls/s | R, calls/s | Little's bound, calls/s | end to end, calls/s (of bound) | steady state, calls/s (of bound) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        using var redis = ConnectionMultiplexer.Connect(address);
        foreach (var workers in (int[])[1, 2, 3])
        {
            var throughputs = Enumerable.Range(0, rounds).Select(_ => MeasureAsync(redis, setup, workers).GetAwaiter().GetResult()).ToList();
            var concurrencyBound = workers * setup.Concurrency * 1000.0 / setup.LatencyMs;
            var bound = Math.Min(concurrencyBound, setup.RatePerSecond);
            var endToEnd = EnrichmentStopwatchReport.Median([.. throughputs.Select(t => t.EndToEnd)]);
            var steady = EnrichmentStopwatchReport.Median([.. throughputs.Select(t => t.Steady)]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {workers} | {concurrencyBound:F0} | {setup.RatePerSecond} | {bound:F0} | {endToEnd:F1} ({endToEnd / bound:P0}) | {steady:F1} ({steady / bound:P0}) |"));
        }

        Console.WriteLine();
        Console.WriteLine($"load average {EnrichmentStopwatchReport.LoadAverage()} at end");
        return 0;
    }

    /// <summary>Starts the workers, waits until each is polling, enqueues the catalog and times it to the last item done.</summary>
    private static async Task<Throughput> MeasureAsync(IConnectionMultiplexer redis, Setup setup, int workers)
    {
        var name = $"bench-{Guid.NewGuid():N}";
        var queue = new RedisWorkQueue(redis, Options.Create(new RedisWorkQueueOptions { Name = name, PollInterval = TimeSpan.FromMilliseconds(2) }));
        var children = Enumerable.Range(0, workers).Select(_ => StartWorker(setup, name)).ToList();
        try
        {
            foreach (var child in children)
            {
                while (await child.StandardOutput.ReadLineAsync() is { } line && line != "ready")
                {
                }
            }

            await Task.Delay(500);
            var watch = Stopwatch.StartNew();
            await queue.EnqueueAsync(Article.Catalog(setup.Items));
            double? fifth = null, fourFifths = null;
            while (true)
            {
                var done = (await queue.GetProgressAsync()).Done;
                fifth ??= done >= setup.Items / 5 ? watch.Elapsed.TotalSeconds : null;
                fourFifths ??= done >= setup.Items * 4 / 5 ? watch.Elapsed.TotalSeconds : null;
                if (done >= setup.Items)
                {
                    break;
                }

                await Task.Delay(2);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            foreach (var child in children)
            {
                await child.WaitForExitAsync();
            }

            await queue.DeleteAsync();
            return new Throughput(setup.Items * Fields / seconds, setup.Items * 3 / 5 * Fields / (fourFifths!.Value - fifth!.Value));
        }
        finally
        {
            foreach (var child in children)
            {
                child.Dispose();
            }
        }
    }

    private static Process StartWorker(Setup setup, string queue)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        // Run with the benchmarks' dependency files: they bring the shared frameworks the worker's own files expect beside it.
        var directory = AppContext.BaseDirectory;
        foreach (var argument in (string[])[
            "exec", "--runtimeconfig", Path.Combine(directory, "LlmErs.Benchmarks.runtimeconfig.json"), "--depsfile", Path.Combine(directory, "LlmErs.Benchmarks.deps.json"),
            Path.Combine(directory, "LlmErs.Redis.WorkerChild.dll"), "work", "--redis", setup.Address, "--queue", queue,
            "--items", $"{setup.Items}", "--latency-ms", $"{setup.LatencyMs}", "--concurrency", $"{setup.Concurrency}",
            "--rate-per-second", $"{setup.RatePerSecond}", "--poll-ms", "5", "--claim-timeout-ms", "60000", "--count-calls", "no"])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start a worker process.");
    }

    /// <summary>Calls per second from enqueue to the last item done, and between the fifth and the four-fifths of the items done
    /// (the steady state Little's law speaks of: no process warm-up, no tail).</summary>
    private sealed record Throughput(double EndToEnd, double Steady);

    private sealed record Setup(string Address, int Items, int LatencyMs, int Concurrency, int RatePerSecond);
}

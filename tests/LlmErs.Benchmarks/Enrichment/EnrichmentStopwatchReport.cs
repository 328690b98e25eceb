using System.Diagnostics;
using System.Globalization;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>
/// A quick Stopwatch run of the engine benchmarks (minutes, where BenchmarkDotNet takes much longer): the throughput
/// grid against the simulated model, with the model's measured latency beside its nominal one, and the fully cached
/// re-run of 100,000 items. Every figure is the median of the rounds after one warm-up round.
/// </summary>
/// <remarks>Usage: <c>--enrichment-report [--rounds 5]</c>.</remarks>
internal static class EnrichmentStopwatchReport
{
    private const int ThroughputItems = 10_000;
    private const int CachedItems = 100_000;

    public static int Run(string[] args)
    {
        var index = Array.IndexOf(args, "--rounds");
        var rounds = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"# Enrichment engine benchmarks ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {rounds} rounds after a warm-up, medians.");
        Console.WriteLine();
        Console.WriteLine($"| L (model latency) | C (concurrency) | {ThroughputItems:N0} items, s | ideal C/L, s | % of C/L | measured model latency | % of C/measured latency | CPU per item |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (latency, concurrency) in new[] { (50, 64), (20, 64), (20, 200) })
        {
            ReportThroughput(latency, concurrency, rounds);
        }

        Console.WriteLine();
        Console.WriteLine($"| fully cached re-run, {CachedItems:N0} items × 3 fields, SQLite | s | items / s | CPU per item |");
        Console.WriteLine("|---|---:|---:|---:|");
        ReportCachedRerun(rounds);
        Console.WriteLine();
        Console.WriteLine($"load average {LoadAverage()} at end");
        return 0;
    }

    private static void ReportThroughput(int latencyMs, int concurrency, int rounds)
    {
        var walls = new List<double>();
        var latencies = new List<double>();
        var cpus = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var scratch = new BenchmarkEngine(TimeSpan.FromMilliseconds(latencyMs), sqlite: true);
            try
            {
                var engine = scratch.Engine(concurrency);
                var items = Headline.Catalog(ThroughputItems);
                var (wall, cpu) = Time(() => engine.RunAsync(items).GetAwaiter().GetResult());
                if (round > 0)
                {
                    walls.Add(wall);
                    cpus.Add(cpu);
                    latencies.Add(scratch.Model.MeanLatency.TotalMilliseconds);
                }
            }
            finally
            {
                scratch.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        var ideal = ThroughputItems * latencyMs / 1000.0 / concurrency;
        var seconds = Median(walls);
        var measured = Median(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {latencyMs} ms | {concurrency} | {seconds:F2} | {ideal:F2} | {ideal / seconds:P1} | {measured:F2} ms | {ideal * measured / latencyMs / seconds:P1} | {Median(cpus) * 1e6 / ThroughputItems:F0} µs |"));
    }

    private static void ReportCachedRerun(int rounds)
    {
        var scratch = new BenchmarkEngine(TimeSpan.Zero, sqlite: true);
        try
        {
            var items = Product.Catalog(CachedItems);
            scratch.Engine(concurrency: 512).RunAsync(items).GetAwaiter().GetResult();
            foreach (var concurrency in new[] { 8, 32 })
            {
                var engine = scratch.Engine(concurrency);
                var walls = new List<double>();
                var cpus = new List<double>();
                for (var round = 0; round <= rounds; round++)
                {
                    var (wall, cpu) = Time(() =>
                    {
                        var report = engine.RunAsync(items).GetAwaiter().GetResult();
                        if (report.CacheHits != 3L * CachedItems)
                        {
                            throw new InvalidOperationException($"The re-run was not fully cached:\n{report}");
                        }
                    });
                    if (round > 0)
                    {
                        walls.Add(wall);
                        cpus.Add(cpu);
                    }
                }

                var seconds = Median(walls);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| concurrency {concurrency} | {seconds:F2} | {CachedItems / seconds:N0} | {Median(cpus) * 1e6 / CachedItems:F1} µs |"));
            }
        }
        finally
        {
            scratch.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Wall-clock and whole-process CPU seconds of <paramref name="action"/>.</summary>
    private static (double Wall, double Cpu) Time(Action action)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        action();
        var wall = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    internal static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}

using System.Diagnostics;
using System.Globalization;
using LlmErs.Serving;
using LlmErs.Vectors;
using Microsoft.AspNetCore.Builder;

namespace LlmErs.Benchmarks.Serving;

/// <summary>
/// Load test of the serving host on loopback: a synthetic store of random unit vectors per catalog size, the host
/// started in-process on 127.0.0.1, then 1, 2, 4 and 8 concurrent clients asking for similar items (top 10) for a fixed
/// time each; QPS and client-side p50/p99 latency per client count, recall@10 of the int8 scan, and resident memory.
/// </summary>
/// <remarks>
/// Usage: <c>--serving-load-report [--items 100000,1000000] [--dimension 384] [--seconds 3] [--clients 1,2,4,8]
/// [--dir /tmp/llmers-serving] [--quantized-max 100000]</c>. Stores are built under --dir and deleted afterwards.
/// Catalogs above --quantized-max are scanned exactly: the int8 copy (a quarter of the store) would not fit the
/// memory budget of store size + 300 MB at 1M × 384.
/// </remarks>
internal static class ServingLoadReport
{
    private const int MaxRequestsPerClient = 200_000;

    public static int Run(string[] args)
    {
        var items = Option(args, "--items", "100000,1000000").Split(',').Select(int.Parse).ToArray();
        var dimension = int.Parse(Option(args, "--dimension", "384"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option(args, "--seconds", "3"), CultureInfo.InvariantCulture);
        var clients = Option(args, "--clients", "1,2,4,8").Split(',').Select(int.Parse).ToArray();
        var quantizedMax = int.Parse(Option(args, "--quantized-max", "100000"), CultureInfo.InvariantCulture);
        var root = Option(args, "--dir", Path.Combine(Path.GetTempPath(), "llmers-serving"));

        Console.WriteLine($"# Serving host load test ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {dimension}-d random unit vectors; " +
            $"GET /similar/{{item}}?count=10 on 127.0.0.1, {seconds} s per client count; clients and host share the machine.");
        Console.WriteLine();
        // CPU ms per request (host and client together) is what the load average cannot distort much: on an idle
        // machine the cores could serve about cores × 1000 / that many requests a second.
        Console.WriteLine("| items | scan | clients | requests | QPS | p50 ms | p99 ms | CPU ms / request | load avg |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        var memory = new List<string>();
        foreach (var count in items)
        {
            var folder = Path.Combine(root, count.ToString(CultureInfo.InvariantCulture));
            try
            {
                var store = BuildStore(folder, count, dimension);
                var quantized = count <= quantizedMax;
                var recall = quantized ? RecallAt10(store, queries: 200) : (double?)null;
                // The host first, so the memory it reports owes nothing to the direct scan's index.
                memory.Add(RunHost(folder, count, quantized, seconds, clients, store, recall).GetAwaiter().GetResult());
                memory.Add(ScanAlone(store, quantized, queries: quantized ? 200 : 20));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine();
        foreach (var line in memory)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine($"load average {LoadAverage()} at end");
        return 0;
    }

    private static async Task<string> RunHost(string folder, int count, bool quantized, double seconds, int[] clients, string store, double? recall)
    {
        var rssBefore = Resident("VmRSS:");
        var app = ServingApp.Build(["--urls", "http://127.0.0.1:0", "--from", folder, "--quantized", quantized ? "true" : "false", "--exposure-log", "none", "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
            await Load(client, count, 1, TimeSpan.FromSeconds(Math.Min(1, seconds)));
            var scan = quantized ? $"int8 + rerank (recall@10 {recall:F3})" : "exact fp32";
            foreach (var n in clients)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var latencies = await Load(client, count, n, TimeSpan.FromSeconds(seconds));
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var total = latencies.Sum(l => l.Count);
                var all = latencies.SelectMany(l => l).Order().ToArray();
                Console.WriteLine($"| {count:N0} | {scan} | {n} | {total:N0} | {total / seconds:N0} | {Percentile(all, 0.50):F2} | {Percentile(all, 0.99):F2} | " +
                    $"{cpu.TotalMilliseconds / total:F2} | {LoadAverage()} |");
            }

            var storeBytes = new FileInfo(store).Length;

            // Collected first, so the load clients' latency lists do not count against the host.
            GC.Collect();
            var rss = Resident("VmRSS:");
            return $"{count:N0} items: store file {storeBytes / 1e6:N0} MB; RSS {rss / 1e6:N0} MB after the runs (file-backed {Resident("RssFile:") / 1e6:N0} MB, " +
                $"anonymous {Resident("RssAnon:") / 1e6:N0} MB; {rssBefore / 1e6:N0} MB before the host opened the store); RSS − store = {(rss - storeBytes) / 1e6:N0} MB " +
                "(budget 300 MB); the process also holds the load clients.";
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<List<double>[]> Load(HttpClient client, int items, int clients, TimeSpan duration)
    {
        var stop = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var latencies = new List<double>();
            while (stop.Elapsed < duration && latencies.Count < MaxRequestsPerClient)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync($"/similar/m{random.Next(items)}?count=10");
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        })).ToArray();
        return await Task.WhenAll(tasks);
    }

    private static string BuildStore(string folder, int count, int dimension)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "movies.vec");
        var random = new Random(42);
        var row = new float[dimension];
        using var builder = new VectorStoreBuilder("synthetic", dimension, count) { NormalizeRows = true };
        for (var i = 0; i < count; i++)
        {
            for (var d = 0; d < dimension; d++)
            {
                row[d] = (random.NextSingle() * 2) - 1;
            }

            builder.Add($"m{i}", row);
        }

        using var store = builder.Build();
        store.Save(path);
        return path;
    }

    private static double RecallAt10(string store, int queries)
    {
        using var exact = RecommenderIndex.Open(store);
        using var quantized = RecommenderIndex.Open(store, new RecommenderIndexOptions { UseQuantizedScan = true });
        var random = new Random(7);
        var hits = 0;
        for (var q = 0; q < queries; q++)
        {
            var item = $"m{random.Next(exact.Store.Count)}";
            var truth = exact.SimilarItems(item, 10).Select(r => r.ItemId).ToHashSet();
            hits += quantized.SimilarItems(item, 10).Count(r => truth.Contains(r.ItemId));
        }

        return hits / (queries * 10.0);
    }

    /// <summary>The same top-10 queries called on the index directly, one thread, no HTTP: what the host adds is the rest.</summary>
    private static string ScanAlone(string store, bool quantized, int queries)
    {
        using var index = RecommenderIndex.Open(store, new RecommenderIndexOptions { UseQuantizedScan = quantized });
        var random = new Random(11);
        var times = new double[queries];
        for (var q = 0; q < queries; q++)
        {
            var item = $"m{random.Next(index.Store.Count)}";
            var started = Stopwatch.GetTimestamp();
            index.SimilarItems(item, 10);
            times[q] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return $"{index.Store.Count:N0} items: the scan alone (RecommenderIndex.SimilarItems, one thread, no HTTP, {queries} queries) " +
            $"p50 {Percentile(times, 0.50):F2} ms, p99 {Percentile(times, 0.99):F2} ms, load average {LoadAverage()}.";
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>A resident-memory field of /proc/self/status (VmRSS, RssFile, RssAnon), in bytes.</summary>
    private static long Resident(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}

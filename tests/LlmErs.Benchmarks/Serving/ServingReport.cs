using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using LlmErs.Benchmarks.Vectors;
using LlmErs.Recommenders;
using LlmErs.Vectors;
using static LlmErs.Benchmarks.Serving.ReportFigures;

namespace LlmErs.Benchmarks.Serving;

/// <summary>
/// Times the two serving stages on an exported model: retrieval of the top N by the model's vectors (a BPR-sized
/// 64-d model over the whole catalog, seen items masked) and the re-rank of those N with a typed scorer shaped like a
/// generated <c>[Scorer]</c> (a 384-d content similarity plus a weighted boolean slot), through
/// <see cref="ScorerReranker{TQuery, TItem}"/>. Requests alternate between the stages in every round, so machine
/// noise hits both alike; medians over rounds, each the mean of its requests, by the thread's CPU time and the wall clock.
/// Stage 2 is timed as the combined call runs it, so the rows add up but for noise, which the last row measures: the
/// median over rounds of each round's both − (stage 1 + stage 2).
/// </summary>
/// <remarks>Usage: <c>--serving-report [--items 100000] [--candidates 100] [--rounds 9] [--requests 200]</c>.</remarks>
internal static class ServingReport
{
    private const int ModelDimension = 64;
    private const int ContentDimension = 384;
    private const int Users = 1_000;
    private const int Count = 20;

    public static int Run(string[] args)
    {
        var items = Int(args, "--items", 100_000);
        var candidates = Int(args, "--candidates", 100);
        var rounds = Int(args, "--rounds", 9);
        var requests = Int(args, "--requests", 200);
        using var folder = new TempDirectory();
        var movies = Export(items, folder.Path);
        using var serving = ServingModel.Open(folder.Path);
        var taste = Unit(new Random(7), ContentDimension);
        var rerank = new RerankOptions
        {
            Reranker = new ScorerReranker<float[], Movie>(taste, Score, id => movies[id]),
            CandidateCount = candidates,
        };

        Console.WriteLine($"# Serving benchmarks ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {items:N0} items × {ModelDimension}, {Users:N0} users; " +
            $"top {Count} of {candidates} candidates; {rounds} rounds × {requests} requests, medians; one thread.");
        Console.WriteLine();

        // Each request re-ranks its own user's candidates, whose content rows are as cold in cache as in the combined call.
        var retrieved = Enumerable.Range(0, requests).Select(r => serving.RecommendForUser(UserId(r), candidates).ToArray()).ToArray();
        var samples = new List<(double Wall, double Cpu)>[3];
        var residuals = new List<(double Wall, double Cpu)>();
        for (var s = 0; s < samples.Length; s++)
        {
            samples[s] = [];
        }

        for (var round = -2; round < rounds; round++)
        {
            // Stage 2 is timed as RecommendForUser runs it (Reranking.Apply: score, order, keep the best), so stage 1 +
            // stage 2 is the whole of what the combined call does.
            var measured = new[]
            {
                Time(requests, r => serving.RecommendForUser(UserId(r), candidates)),
                Time(requests, r => Reranking.Apply(rerank, retrieved[r], Count)),
                Time(requests, r => serving.RecommendForUser(UserId(r), Count, rerank)),
            };
            if (round < 0)
            {
                continue;
            }

            for (var s = 0; s < measured.Length; s++)
            {
                samples[s].Add(measured[s]);
            }

            residuals.Add((measured[2].Wall - measured[0].Wall - measured[1].Wall, measured[2].Cpu - measured[0].Cpu - measured[1].Cpu));
        }

        Console.WriteLine("| stage | wall µs / request | CPU µs / request |");
        Console.WriteLine("|---|---:|---:|");
        string[] names = [$"1. retrieve the top {candidates} of {items:N0} (dot product, seen items masked)", $"2. re-rank {candidates} candidates with the typed scorer (Reranking.Apply)", "both stages (RecommendForUser with RerankOptions)"];
        for (var s = 0; s < names.Length; s++)
        {
            Console.WriteLine($"| {names[s]} | {Median(samples[s].Select(x => x.Wall)):F1} | {Median(samples[s].Select(x => x.Cpu)):F1} |");
        }

        // Medians of separate rows need not add up; the per-round residual says how far they are apart in one round.
        Console.WriteLine($"| both − (1 + 2), per round, median [min, max] | {Median(residuals.Select(x => x.Wall)):F1} [{residuals.Min(x => x.Wall):F1}, {residuals.Max(x => x.Wall):F1}] | " +
            $"{Median(residuals.Select(x => x.Cpu)):F1} [{residuals.Min(x => x.Cpu):F1}, {residuals.Max(x => x.Cpu):F1}] |");
        Console.WriteLine();
        Console.WriteLine($"load average {LoadAverage()} at end");
        return 0;
    }

    /// <summary>A BPR-shaped model over a log that covers every item, exported as the main job would export it.</summary>
    private static Dictionary<string, Movie> Export(int itemCount, string folder)
    {
        var random = new Random(11);
        var builder = new InteractionLogBuilder();
        for (var item = 0; item < itemCount; item++)
        {
            builder.Add($"u{item % Users}", $"m{item}", timestamp: item);
        }

        var split = LeaveOneOutSplitter.Split(builder.Build());
        var model = new FactorModel(Gaussian(random, split.UserCount * ModelDimension), Gaussian(random, split.ItemCount * ModelDimension), ModelDimension);
        ModelExport.Export(model, split, folder, new ModelExportOptions { ModelName = "bpr", Version = "benchmark" });
        return split.ItemIds.Keys.ToDictionary(id => id, id => new Movie(Unit(random, ContentDimension), random.Next(2) == 0));
    }

    // What the generator emits for [Similarity(Taste, Content)] and [FeatureWeight(FamilyFriendly, 0.05)].
    private static float Score(float[] taste, Movie movie) => TensorPrimitives.Dot(taste, movie.Content) + (movie.FamilyFriendly ? 0.05f : 0f);

    private static (double Wall, double Cpu) Time(int requests, Action<int> request)
    {
        var cpu = ThreadCpuClock.Milliseconds();
        var wall = Stopwatch.StartNew();
        for (var r = 0; r < requests; r++)
        {
            request(r);
        }

        return (wall.Elapsed.TotalMicroseconds / requests, (ThreadCpuClock.Milliseconds() - cpu) * 1000 / requests);
    }

    private static string UserId(int request) => $"u{request * 7 % Users}";

    private static float[] Gaussian(Random random, int count) => Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();

    private static float[] Unit(Random random, int dimension)
    {
        var vector = Gaussian(random, dimension);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }



    private static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Movie(float[] Content, bool FamilyFriendly);
}

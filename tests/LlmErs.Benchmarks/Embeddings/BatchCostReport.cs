using System.Globalization;
using LlmErs.Benchmarks.Vectors;
using LlmErs.Local;

namespace LlmErs.Benchmarks.Embeddings;

/// <summary>
/// <c>--batch-cost-report [--rounds N]</c>: what a MiniLM word piece costs on one thread, by text length and by how many
/// texts share a batch — the figures behind <see cref="MiniLmEmbeddingGeneratorOptions.BatchTokens"/>'s default and
/// what the batch planner charges for one more model run. Every text of a row has the same length, so nothing is
/// padded; the median of the rounds, timed round-robin.
/// </summary>
internal static class BatchCostReport
{
    private static readonly int[] Lengths = [14, 30, 64, 128, 256];
    private static readonly int[] TextsPerBatch = [1, 2, 4, 8, 16, 32, 64];

    // Single-piece words, so a text of n − 2 words is n word pieces with [CLS] and [SEP].
    private static readonly string[] Words = ["river", "film", "dark", "light", "house", "story", "music", "night", "city", "love"];

    public static int Run(string[] args)
    {
        var rounds = int.Parse(VectorsReport.Option(args, "--rounds", "3"), CultureInfo.InvariantCulture);
        Console.WriteLine($"MiniLM on one thread: µs per word piece by text length (rows) and texts per batch (columns), median of {rounds} round(s) after one warm-up.");
        Console.WriteLine();
        Console.WriteLine($"| word pieces a text | {string.Join(" | ", TextsPerBatch)} |");
        Console.WriteLine($"|---:|{string.Concat(TextsPerBatch.Select(_ => "---:|"))}");
        var seed = 0;
        foreach (var length in Lengths)
        {
            var generators = TextsPerBatch.Select(size => new MiniLmEmbeddingGenerator(
                new MiniLmEmbeddingGeneratorOptions { BatchSize = size, BatchTokens = int.MaxValue, Threads = 1 })).ToArray();
            try
            {
                // Enough texts for every column to run whole batches; fresh texts each round, since a call reads a repeated text once.
                var count = 64 * Math.Max(1, 2_048 / (64 * length));
                var pieces = generators[0].GenerateAsync([Text(length, seed++)]).GetAwaiter().GetResult().Usage!.InputTokenCount;
                if (pieces != length)
                {
                    throw new InvalidOperationException($"A text of {length} word pieces was read as {pieces}: each word must be one word piece.");
                }

                var ways = generators.Select(generator => (Action)(() =>
                {
                    var texts = Enumerable.Range(0, count).Select(_ => Text(length, seed++)).ToArray();
                    generator.GenerateAsync(texts).GetAwaiter().GetResult();
                })).ToArray();
                var (wall, _) = EmbeddingLengthReport.Measure(rounds, ways);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {length} | {string.Join(" | ", wall.Select(seconds => (seconds * 1e6 / ((long)count * length)).ToString("F0", CultureInfo.InvariantCulture)))} |"));
            }
            finally
            {
                foreach (var generator in generators)
                {
                    generator.Dispose();
                }
            }
        }

        return 0;
    }

    private static string Text(int pieces, int seed)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, pieces - 2).Select(_ => Words[random.Next(Words.Length)]));
    }
}

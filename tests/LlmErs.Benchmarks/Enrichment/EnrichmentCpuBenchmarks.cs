using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LlmErs;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>
/// The engine's own cost per item — rendering, hygiene, cache keys, request building, resilience pipeline, parsing,
/// accounting — with an instant model and an in-memory cache, one item at a time, so that time per item is CPU per item.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class EnrichmentCpuBenchmarks
{
    private const int Items = 2_000;
    private BenchmarkEngine? _scratch;
    private EnrichmentEngine? _engine;
    private List<Product> _items = [];

    [IterationSetup(Target = nameof(EnrichFromModel))]
    public void SetupEmptyCache()
    {
        _scratch = new BenchmarkEngine(TimeSpan.Zero, sqlite: false);
        _engine = _scratch.Engine(concurrency: 1);
        _items = Product.Catalog(Items);
    }

    [IterationSetup(Target = nameof(EnrichFromCache))]
    public void SetupFullCache()
    {
        SetupEmptyCache();
        _engine!.RunAsync(_items).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void Cleanup() => _scratch!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Items, Description = "per item, 3 fields from the model")]
    public Task<EnrichmentReport> EnrichFromModel() => _engine!.RunAsync(_items);

    [Benchmark(OperationsPerInvoke = Items, Description = "per item, 3 fields from the cache")]
    public Task<EnrichmentReport> EnrichFromCache() => _engine!.RunAsync(_items);
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LlmErs;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>
/// A fully cached re-run of 100,000 three-field items over the SQLite cache: every answer is read, checked and
/// applied, and no model call is made. The target is at least 50,000 items per second (at most 2 s per run).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CachedRerunBenchmarks
{
    private const int Items = 100_000;
    private BenchmarkEngine? _scratch;
    private EnrichmentEngine? _engine;
    private List<Product> _items = [];

    [Params(8, 32)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scratch = new BenchmarkEngine(TimeSpan.Zero, sqlite: true);
        _items = Product.Catalog(Items);

        // Filled with many requests in flight, so that commits are large and the setup takes seconds, not minutes.
        var report = _scratch.Engine(concurrency: 512).RunAsync(_items).GetAwaiter().GetResult();
        if (report.Succeeded != Items)
        {
            throw new InvalidOperationException($"Filling the cache failed:\n{report}");
        }

        _engine = _scratch.Engine(Concurrency);
    }

    [GlobalCleanup]
    public void Cleanup() => _scratch!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "100,000 items, all cached")]
    public async Task<EnrichmentReport> Rerun()
    {
        var report = await _engine!.RunAsync(_items);
        return report.CacheHits == 3L * Items
            ? report
            : throw new InvalidOperationException($"The re-run was not fully cached:\n{report}");
    }
}

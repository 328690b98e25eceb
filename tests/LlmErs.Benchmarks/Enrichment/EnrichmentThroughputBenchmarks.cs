using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LlmErs;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>
/// 10,000 one-field items against a simulated model of fixed latency L at concurrency C, with the SQLite cache
/// committing every answer: the ideal is C/L items per second (10,000 × L / C seconds per run); the target is 95% of it.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EnrichmentThroughputBenchmarks
{
    private const int Items = 10_000;
    private BenchmarkEngine? _scratch;
    private EnrichmentEngine? _engine;
    private List<Headline> _items = [];

    [Params(20, 50)]
    public int LatencyMs { get; set; }

    [Params(64, 200)]
    public int Concurrency { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _scratch = new BenchmarkEngine(TimeSpan.FromMilliseconds(LatencyMs), sqlite: true);
        _engine = _scratch.Engine(Concurrency);
        _items = Headline.Catalog(Items);
    }

    [IterationCleanup]
    public void Cleanup() => _scratch!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "10,000 items, fresh cache")]
    public Task<EnrichmentReport> Enrich() => _engine!.RunAsync(_items);
}

using LlmErs;
using Microsoft.Extensions.Options;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>A simulated model and a cache in a scratch directory, and engines over them; disposed together.</summary>
internal sealed class BenchmarkEngine : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "llmers-benchmarks", Guid.NewGuid().ToString("N"));
    private readonly IEnrichmentCache _cache;
    private readonly List<EnrichmentEngine> _engines = [];

    public BenchmarkEngine(TimeSpan latency, bool sqlite)
    {
        Directory.CreateDirectory(_directory);
        _cache = sqlite ? new SqliteEnrichmentCache(Path.Combine(_directory, "cache.db")) : new InMemoryCache();
        Model = new SimulatedModel(latency);
    }

    public SimulatedModel Model { get; }

    public EnrichmentEngine Engine(int concurrency)
    {
        var engine = new EnrichmentEngine(Model, _cache, Options.Create(new EnrichmentOptions { MaxConcurrency = concurrency }));
        _engines.Add(engine);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        _engines.ForEach(e => e.Dispose());
        if (_cache is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}

using System.Collections.Concurrent;
using LlmErs;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>A cache that keeps entries in memory, so that a benchmark measures the engine without storage.</summary>
internal sealed class InMemoryCache : IEnrichmentCache
{
    private readonly ConcurrentDictionary<CacheKey, string> _entries = new();

    public ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_entries.TryGetValue(key, out var answer) ? CacheLookup.Hit(answer) : CacheLookup.Miss);

    public ValueTask SetAsync(CacheKey key, string answer, CancellationToken cancellationToken = default)
    {
        _entries[key] = answer;
        return ValueTask.CompletedTask;
    }
}

using System.Collections.Concurrent;
using LlmErs;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>A cache that keeps entries in memory, so that a benchmark measures the engine without storage.</summary>
internal sealed class InMemoryCache : IEnrichmentCache
{
    private readonly ConcurrentDictionary<CacheKey, byte[]> _entries = new();

    public ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_entries.TryGetValue(key, out var value) ? CacheLookup.Hit(value) : CacheLookup.Miss);

    public ValueTask SetAsync(CacheKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        _entries[key] = value.ToArray();
        return ValueTask.CompletedTask;
    }
}

using System.Collections.Concurrent;
using LlmErs;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>An in-memory <see cref="IEnrichmentCache"/> for stage tests.</summary>
internal sealed class MemoryCache : IEnrichmentCache
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

namespace LlmErs.Redis.WorkerChild;

/// <summary>Counts the entries this process stored, so the test knows which answered requests reached the shared cache before a kill.</summary>
internal sealed class CountingCache(IEnrichmentCache inner, Counters counters) : IEnrichmentCache
{
    public ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(CacheKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        await inner.SetAsync(key, value, cancellationToken);
        await counters.IncrementAsync(Counters.Cached);
    }
}

using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace LlmErs;

/// <summary>
/// A cache over any <see cref="IDistributedCache"/> (Redis, SQL Server, …), so that many workers share one cache.
/// Entries are stored as bytes, in the same checksummed form as <see cref="SqliteEnrichmentCache"/>'s. Durability is the
/// backend's: <see cref="SetAsync"/> completes when the backend acknowledges the write.
/// </summary>
public sealed class DistributedEnrichmentCache : IEnrichmentCache
{
    private readonly IDistributedCache _cache;
    private readonly DistributedEnrichmentCacheOptions _options;

    /// <summary>Creates the cache over <paramref name="cache"/>.</summary>
    public DistributedEnrichmentCache(IDistributedCache cache, IOptions<DistributedEnrichmentCacheOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _options = options?.Value ?? new DistributedEnrichmentCacheOptions();
    }

    /// <inheritdoc/>
    public async ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default)
    {
        var entry = await _cache.GetAsync(KeyOf(key), cancellationToken).ConfigureAwait(false);
        return entry is null ? CacheLookup.Miss : CacheEntryCodec.Decode(key, entry);
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(CacheKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        new(_cache.SetAsync(KeyOf(key), CacheEntryCodec.Encode(key, value.Span), _options.EntryOptions, cancellationToken));

    private string KeyOf(CacheKey key) => _options.KeyPrefix + key.ToString();
}

using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmErs.Redis;

/// <summary>
/// An answer and vector cache in Redis, shared by every worker that enriches one catalog: an answer one worker stored
/// is a hit for all the others. Entries are stored in the same checksummed form as <see cref="SqliteEnrichmentCache"/>'s,
/// one string key per entry. <see cref="SetAsync"/> completes when Redis acknowledges the write; run Redis with an
/// append-only file when the cache must also survive a restart of the Redis server.
/// </summary>
public sealed class RedisEnrichmentCache : IEnrichmentCache
{
    private readonly IDatabase _database;
    private readonly RedisEnrichmentCacheOptions _options;

    /// <summary>Creates the cache over <paramref name="redis"/>.</summary>
    /// <param name="redis">The connection; the caller owns and disposes it.</param>
    /// <param name="options">Key prefix, expiry and database; optional.</param>
    public RedisEnrichmentCache(IConnectionMultiplexer redis, IOptions<RedisEnrichmentCacheOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _options = options?.Value ?? new RedisEnrichmentCacheOptions();
        _database = redis.GetDatabase(_options.Database);
    }

    /// <inheritdoc/>
    public async ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entry = await _database.StringGetAsync(KeyOf(key)).ConfigureAwait(false);
        return entry.IsNull ? CacheLookup.Miss : CacheEntryCodec.Decode(key, (byte[])entry!);
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(CacheKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entry = CacheEntryCodec.Encode(key, value.Span);
        await _database.StringSetAsync(KeyOf(key), entry, _options.Expiry is { } expiry ? new Expiration(expiry) : Expiration.Default).ConfigureAwait(false);
    }

    private RedisKey KeyOf(CacheKey key) => _options.KeyPrefix + key.ToString();
}

using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace LlmErs.Redis.Tests;

public sealed class RedisEnrichmentCacheTests
{
    [RedisFact]
    public async Task AStoredEntryIsAHitForAnotherConnection_AndAnEntryMovedToAnotherKeyIsReportedCorrupt()
    {
        var options = Options.Create(new RedisEnrichmentCacheOptions { KeyPrefix = $"test:{Guid.NewGuid():N}:" });
        await using var writerConnection = await RedisServer.ConnectAsync();
        await using var readerConnection = await RedisServer.ConnectAsync();
        var writer = new RedisEnrichmentCache(writerConnection, options);
        var reader = new RedisEnrichmentCache(readerConnection, options);
        var key = CacheKey.FromBytes(SHA256.HashData("answer"u8));
        var other = CacheKey.FromBytes(SHA256.HashData("other"u8));

        Assert.Equal(CacheLookupStatus.Miss, (await reader.GetAsync(key)).Status);
        await writer.SetAsync(key, """{"value":"uplifting"}"""u8.ToArray());
        var hit = await reader.GetAsync(key);
        Assert.Equal(CacheLookupStatus.Hit, hit.Status);
        Assert.Equal("""{"value":"uplifting"}"""u8.ToArray(), hit.Value.ToArray());

        var database = writerConnection.GetDatabase();
        await database.StringSetAsync(options.Value.KeyPrefix + other, await database.StringGetAsync(options.Value.KeyPrefix + key));
        var moved = await reader.GetAsync(other);
        Assert.Equal(CacheLookupStatus.Corrupt, moved.Status);
        Assert.Contains("checksum", moved.Problem);
    }
}

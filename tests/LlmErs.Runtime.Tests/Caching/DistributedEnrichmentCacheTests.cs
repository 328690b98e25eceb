using LlmErs;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Xunit;

namespace LlmErs.Runtime.Tests.Caching;

public sealed class DistributedEnrichmentCacheTests
{
    private readonly MemoryDistributedCache _backend = new(Options.Create(new MemoryDistributedCacheOptions()));

    [Fact]
    public async Task StoresEntriesUnderThePrefixedKey()
    {
        var cache = new DistributedEnrichmentCache(_backend, Options.Create(new DistributedEnrichmentCacheOptions { KeyPrefix = "team-a:" }));
        var key = SqliteEnrichmentCacheTests.Key("a");

        await cache.SetAsync(key, CachedText.Bytes("{\"value\":1}"));

        Assert.NotNull(await _backend.GetAsync("team-a:" + key));
        Assert.Equal("{\"value\":1}", CachedText.Of(await cache.GetAsync(key)));
        Assert.Equal(CacheLookupStatus.Miss, (await cache.GetAsync(SqliteEnrichmentCacheTests.Key("b"))).Status);
    }

    [Fact]
    public async Task ADamagedEntryIsReportedCorrupt()
    {
        var cache = new DistributedEnrichmentCache(_backend);
        var key = SqliteEnrichmentCacheTests.Key("a");
        await cache.SetAsync(key, CachedText.Bytes("{\"value\":1}"));
        var stored = (await _backend.GetAsync("llmers:" + key))!;
        stored[^1] ^= 0x01;
        await _backend.SetAsync("llmers:" + key, stored);

        var lookup = await cache.GetAsync(key);

        Assert.Equal(CacheLookupStatus.Corrupt, lookup.Status);
        Assert.Contains("checksum", lookup.Problem, StringComparison.Ordinal);
    }
}

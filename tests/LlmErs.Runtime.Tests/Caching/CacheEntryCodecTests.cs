using LlmErs;
using Xunit;

namespace LlmErs.Runtime.Tests.Caching;

/// <summary>The stored form a custom cache backend writes and reads through the public codec.</summary>
public sealed class CacheEntryCodecTests
{
    private static readonly CacheKey Key = CacheKey.FromBytes(Enumerable.Range(0, CacheKey.Size).Select(i => (byte)i).ToArray());
    private static readonly CacheKey OtherKey = CacheKey.FromBytes(Enumerable.Range(1, CacheKey.Size).Select(i => (byte)i).ToArray());

    [Fact]
    public void Decode_OfAnEncodedEntry_IsAHitWithThePayload()
    {
        var entry = CacheEntryCodec.Encode(Key, [1, 2, 3]);

        var lookup = CacheEntryCodec.Decode(Key, entry);
        var copy = CacheEntryCodec.DecodeCopy(Key, entry);

        Assert.Equal(CacheLookupStatus.Hit, lookup.Status);
        Assert.Equal([1, 2, 3], lookup.Value.ToArray());
        Assert.Equal(CacheLookupStatus.Hit, copy.Status);
        Assert.Equal([1, 2, 3], copy.Value.ToArray());
    }

    [Fact]
    public void Decode_UnderAnotherKey_IsCorrupt()
    {
        var entry = CacheEntryCodec.Encode(Key, [1, 2, 3]);

        var lookup = CacheEntryCodec.Decode(OtherKey, entry);

        Assert.Equal(CacheLookupStatus.Corrupt, lookup.Status);
        Assert.Contains("checksum", lookup.Problem);
    }

    [Fact]
    public void Decode_OfADamagedOrShortEntry_SaysWhatIsWrong()
    {
        var entry = CacheEntryCodec.Encode(Key, [1, 2, 3]);
        entry[^1] ^= 0xFF;

        Assert.Contains("checksum", CacheEntryCodec.Decode(Key, entry).Problem);
        Assert.Contains("shorter than its 17-byte header", CacheEntryCodec.Decode(Key, entry.AsMemory(0, 5)).Problem);
    }

    [Fact]
    public void Encode_WithTheDefaultKey_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => CacheEntryCodec.Encode(default, [1]));

        Assert.Equal("key", exception.ParamName);
    }
}

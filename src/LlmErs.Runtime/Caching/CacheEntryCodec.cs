using System.Buffers.Binary;
using System.IO.Hashing;

namespace LlmErs;

/// <summary>
/// The stored form of a cache entry, shared by every backend: a format byte, a checksum, then the caller's bytes as
/// given. The checksum covers the key too, so an entry copied under the wrong key is detected like a damaged one. A
/// custom <see cref="IEnrichmentCache"/> backend stores <see cref="Encode"/>'s bytes and reads them back through
/// <see cref="Decode"/>, so a damaged entry is reported and recomputed as with the built-in backends.
/// </summary>
public static class CacheEntryCodec
{
    // 2: the payload is the caller's bytes (vectors as raw float32, no longer Base64 text). Entries of format 1 are
    // reported corrupt and recomputed once, rather than read under rules they were not written by.
    private const byte FormatVersion = 2;
    private const int ChecksumSize = 16;
    private const int HeaderSize = 1 + ChecksumSize;

    /// <summary>The entry to store for <paramref name="payload"/> under <paramref name="key"/>.</summary>
    /// <param name="key">The key the entry is stored under.</param>
    /// <param name="payload">The bytes <see cref="IEnrichmentCache.SetAsync"/> was given.</param>
    /// <returns>A new array: the format byte, the checksum, then <paramref name="payload"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is <see langword="default"/>, not a key.</exception>
    public static byte[] Encode(CacheKey key, ReadOnlySpan<byte> payload)
    {
        RequireKey(key);
        var entry = new byte[HeaderSize + payload.Length];
        entry[0] = FormatVersion;
        payload.CopyTo(entry.AsSpan(HeaderSize));
        Checksum(key, payload, entry.AsSpan(1, ChecksumSize));
        return entry;
    }

    /// <summary>Checks an entry the caller owns; a hit's value is a slice of <paramref name="entry"/>, not a copy.</summary>
    /// <param name="key">The key the entry was read under.</param>
    /// <param name="entry">The stored bytes, as <see cref="Encode"/> made them.</param>
    /// <returns>A hit with the payload, or a corrupt lookup saying what is wrong (never a miss).</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is <see langword="default"/>, not a key.</exception>
    public static CacheLookup Decode(CacheKey key, ReadOnlyMemory<byte> entry)
    {
        RequireKey(key);
        return Problem(key, entry.Span) is { } problem ? CacheLookup.Corrupt(problem) : CacheLookup.Hit(entry[HeaderSize..]);
    }

    /// <summary>Checks an entry in a buffer that is valid only during the call; a hit's value is a copy of the payload.</summary>
    /// <param name="key">The key the entry was read under.</param>
    /// <param name="entry">The stored bytes, as <see cref="Encode"/> made them.</param>
    /// <returns>A hit with a copy of the payload, or a corrupt lookup saying what is wrong (never a miss).</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is <see langword="default"/>, not a key.</exception>
    public static CacheLookup DecodeCopy(CacheKey key, ReadOnlySpan<byte> entry)
    {
        RequireKey(key);
        return Problem(key, entry) is { } problem ? CacheLookup.Corrupt(problem) : CacheLookup.Hit(entry[HeaderSize..].ToArray());
    }

    // default(CacheKey) has no bytes to seed the checksum with.
    private static void RequireKey(CacheKey key)
    {
        if (key.Bytes.Length != CacheKey.Size)
        {
            throw new ArgumentException("The key is default(CacheKey); pass the key the cache was asked for.", nameof(key));
        }
    }

    private static string? Problem(CacheKey key, ReadOnlySpan<byte> entry)
    {
        if (entry.Length < HeaderSize)
        {
            return $"the entry is {entry.Length} bytes long, shorter than its {HeaderSize}-byte header";
        }

        if (entry[0] != FormatVersion)
        {
            return $"the entry has format {entry[0]}, expected {FormatVersion}";
        }

        Span<byte> expected = stackalloc byte[ChecksumSize];
        Checksum(key, entry[HeaderSize..], expected);
        return expected.SequenceEqual(entry.Slice(1, ChecksumSize)) ? null : "the entry's checksum does not match its content";
    }

    // XxHash128 rather than a cryptographic hash: the checksum guards against damage and misplaced entries, not
    // against forgery, and it is computed on every cache hit. Seeding it with the key (itself a SHA-256, so its first
    // 64 bits are as good as any) binds the entry to its key without copying the two together.
    private static void Checksum(CacheKey key, ReadOnlySpan<byte> payload, Span<byte> destination) =>
        XxHash128.Hash(payload, destination, BinaryPrimitives.ReadInt64LittleEndian(key.Bytes));
}

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace LlmErs;

/// <summary>
/// The stored form of a cache entry, shared by every backend: a format byte, a checksum, then the answer in UTF-8.
/// The checksum covers the key too, so an entry copied under the wrong key is detected like a damaged one.
/// </summary>
internal static class CacheEntryCodec
{
    private const byte FormatVersion = 1;
    private const int ChecksumSize = 16;
    private const int HeaderSize = 1 + ChecksumSize;

    public static byte[] Encode(CacheKey key, string answer)
    {
        var entry = new byte[HeaderSize + Encoding.UTF8.GetByteCount(answer)];
        entry[0] = FormatVersion;
        Encoding.UTF8.GetBytes(answer, entry.AsSpan(HeaderSize));
        Checksum(key, entry.AsSpan(HeaderSize), entry.AsSpan(1, ChecksumSize));
        return entry;
    }

    public static CacheLookup Decode(CacheKey key, ReadOnlySpan<byte> entry)
    {
        if (entry.Length < HeaderSize)
        {
            return CacheLookup.Corrupt($"the entry is {entry.Length} bytes long, shorter than its {HeaderSize}-byte header");
        }

        if (entry[0] != FormatVersion)
        {
            return CacheLookup.Corrupt($"the entry has format {entry[0]}, expected {FormatVersion}");
        }

        var payload = entry[HeaderSize..];
        Span<byte> expected = stackalloc byte[ChecksumSize];
        Checksum(key, payload, expected);
        return expected.SequenceEqual(entry.Slice(1, ChecksumSize))
            ? CacheLookup.Hit(Encoding.UTF8.GetString(payload))
            : CacheLookup.Corrupt("the entry's checksum does not match its content");
    }

    // XxHash128 rather than a cryptographic hash: the checksum guards against damage and misplaced entries, not
    // against forgery, and it is computed on every cache hit. Seeding it with the key (itself a SHA-256, so its first
    // 64 bits are as good as any) binds the entry to its key without copying the two together.
    private static void Checksum(CacheKey key, ReadOnlySpan<byte> payload, Span<byte> destination) =>
        XxHash128.Hash(payload, destination, BinaryPrimitives.ReadInt64LittleEndian(key.Bytes));
}

using System.Security.Cryptography;

namespace LlmErs.Vectors;

/// <summary>
/// The checksum stored in file headers: SHA-256 over everything after the header, so a flipped byte anywhere in the
/// ids, codebooks or vectors is caught on open.
/// </summary>
internal static unsafe class PayloadChecksum
{
    /// <summary>The checksum's size in bytes.</summary>
    public const int Size = 32;

    // Spans cannot cover more than 2 GiB, and a store can be larger.
    private const int ChunkBytes = 1 << 24;

    /// <summary>A hash to which written payload bytes are appended.</summary>
    public static IncrementalHash CreateHash() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Hashes <paramref name="length"/> bytes at <paramref name="start"/> into <paramref name="destination"/>.</summary>
    public static void Compute(byte* start, long length, Span<byte> destination)
    {
        using var hash = CreateHash();
        for (long offset = 0; offset < length; offset += ChunkBytes)
        {
            hash.AppendData(new ReadOnlySpan<byte>(start + offset, (int)Math.Min(ChunkBytes, length - offset)));
        }

        hash.GetHashAndReset(destination);
    }
}

using System.IO.Hashing;

namespace LlmErs.Vectors;

/// <summary>
/// The checksum stored in file headers: XxHash128 over everything after the header, so a flipped byte anywhere in the
/// ids, codebooks or vectors is caught on open.
/// </summary>
/// <remarks>
/// It guards against damage (a truncated copy, a bad disk, a file edited by mistake), not against forgery, and it is
/// computed over the whole file on every open: at memory speed where SHA-256 took over a second for a million 384-d rows.
/// </remarks>
internal static unsafe class PayloadChecksum
{
    /// <summary>The checksum's size in bytes.</summary>
    public const int Size = 16;

    // Spans cannot cover more than 2 GiB, and a store can be larger.
    private const int ChunkBytes = 1 << 24;

    /// <summary>A hash to which written payload bytes are appended.</summary>
    public static XxHash128 CreateHash() => new();

    /// <summary>Hashes <paramref name="length"/> bytes at <paramref name="start"/> into <paramref name="destination"/>.</summary>
    public static void Compute(byte* start, long length, Span<byte> destination)
    {
        var hash = CreateHash();
        for (long offset = 0; offset < length; offset += ChunkBytes)
        {
            hash.Append(new ReadOnlySpan<byte>(start + offset, (int)Math.Min(ChunkBytes, length - offset)));
        }

        hash.GetHashAndReset(destination);
    }
}

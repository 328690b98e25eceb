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

    /// <summary>
    /// Whether the checksum stored at <paramref name="checksumOffset"/> in <paramref name="file"/>'s header matches
    /// everything after its first <paramref name="headerSize"/> bytes.
    /// </summary>
    public static bool Matches(MappedFile file, int headerSize, int checksumOffset)
    {
        var hash = CreateHash();
        var length = file.Length - headerSize;
        for (long offset = 0; offset < length; offset += ChunkBytes)
        {
            hash.Append(new ReadOnlySpan<byte>(file.Pointer + headerSize + offset, (int)Math.Min(ChunkBytes, length - offset)));
        }

        Span<byte> actual = stackalloc byte[Size];
        hash.GetHashAndReset(actual);
        return actual.SequenceEqual(file.Slice(checksumOffset, Size));
    }
}

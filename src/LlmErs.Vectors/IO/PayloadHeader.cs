using System.Buffers.Binary;

namespace LlmErs.Vectors;

/// <summary>
/// The 128-byte header every LlmErs binary file (vector store, seen items, model file) starts with, written and checked
/// in one place so each file fails the same way, naming itself. All numbers are little-endian.
/// <code>
///   0  magic (8 bytes)   8  format version   12..39  the format's own fields
///   40 file length (64-bit)   48 XxHash128 of every byte after the header (16 bytes)   64..127 the format's own, or 0
/// </code>
/// </summary>
internal static class PayloadHeader
{
    /// <summary>The header's size: the payload starts here.</summary>
    public const int Size = 128;

    /// <summary>Where the payload checksum lies.</summary>
    public const int ChecksumOffset = 48;

    private const int VersionOffset = 8;
    private const int LengthOffset = 40;

    /// <summary>A header of <paramref name="format"/> with its signature and version; the format writes its own fields into it.</summary>
    public static byte[] Create(PayloadFormat format)
    {
        var header = new byte[Size];
        format.Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(VersionOffset), format.Version);
        return header;
    }

    /// <summary>Records the file's length in <paramref name="header"/>, writes it with the payload's checksum, and moves the file into place.</summary>
    public static PayloadStamp Commit(PayloadWriter writer, byte[] header)
    {
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(LengthOffset), writer.Position);
        return writer.Commit(header, ChecksumOffset);
    }

    /// <summary>
    /// Checks the header of <paramref name="file"/> as one of <paramref name="format"/>: size, signature, version, the
    /// length it records, then (when asked) the payload checksum and what a manifest recorded of the file.
    /// </summary>
    /// <returns>The header's bytes, for the format's own fields.</returns>
    /// <exception cref="InvalidDataException">A check fails; the message names the file and what to do.</exception>
    public static ReadOnlySpan<byte> Read(MappedFile file, PayloadFormat format, bool verifyChecksum, PayloadStamp? expected = null)
    {
        if (file.Length < Size || !file.Slice(0, format.Magic.Length).SequenceEqual(format.Magic))
        {
            throw file.Corrupted($"it does not start with the {format.Name} signature");
        }

        var header = file.Slice(0, Size);
        var version = BinaryPrimitives.ReadInt32LittleEndian(header[VersionOffset..]);
        if (version != format.Version)
        {
            throw new InvalidDataException(
                $"The {format.Name} '{file.Path}' has format version {version}; this library reads version {format.Version}. {format.Remedy}");
        }

        // Checked before the length: a file from another export or a truncated copy is named as such, not as damaged.
        // Only a serving manifest records a file, so the remedy is the export's.
        if (expected is not null)
        {
            var actual = new PayloadStamp(file.Length, Convert.ToHexStringLower(header.Slice(ChecksumOffset, PayloadChecksum.Size)));
            if (actual != expected)
            {
                throw new InvalidDataException(
                    $"The file '{file.Path}' is not the one the manifest records ({actual.Bytes} bytes, checksum {actual.Checksum}; the manifest says {expected.Bytes} bytes, {expected.Checksum}): it comes from another export or was changed. Export the model again, or restore the folder from a copy.");
            }
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(header[LengthOffset..]);
        if (length != file.Length)
        {
            throw file.Corrupted($"its header says {length} bytes but the file has {file.Length}; it may be truncated");
        }

        if (verifyChecksum && !PayloadChecksum.Matches(file, Size, ChecksumOffset))
        {
            throw new InvalidDataException(
                $"The {format.Name} '{file.Path}' fails its checksum: its contents changed after it was written (disk or copy error, or an edit). {format.Remedy}");
        }

        return header;
    }
}

/// <summary>A kind of LlmErs binary file: its 8-byte signature, the version this library reads, its name and the fix for a bad one.</summary>
/// <param name="Name">What error messages call it, e.g. "vector store".</param>
/// <param name="Magic">The file's first 8 bytes.</param>
/// <param name="Version">The format version this library writes and reads.</param>
/// <param name="Remedy">The sentence that ends every error about such a file: how to get a good one.</param>
internal sealed record PayloadFormat(string Name, byte[] Magic, int Version, string Remedy);

/// <summary>A written file's length and payload checksum (lower-case hex), as a serving manifest records them.</summary>
internal sealed record PayloadStamp(long Bytes, string Checksum);

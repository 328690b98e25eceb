using System.Buffers.Binary;

namespace LlmErs.Vectors;

/// <summary>
/// The layout of a vector store file. All numbers are little-endian.
/// <code>
/// header (128 bytes)
///   0  magic "LLMERSVS"        8  format version      12  flags (bit 0: rows have unit L2 norm)
///   16 dimension               20 reserved (0)        24  row count (64-bit)
///   32 vectors offset (64-bit, a multiple of 64)      40  file length (64-bit)
///   48 XxHash128 of every byte after the header (16 bytes)   64..127 reserved (0)
/// payload
///   model id (32-bit UTF-8 byte count, bytes); one id per row (the same); zero padding to the vectors offset;
///   the rows as float32, row-major
/// </code>
/// </summary>
internal static class VectorStoreFormat
{
    public const int HeaderSize = 128;
    public const int Version = 2;
    public const int NormalizedFlag = 1;
    public const int ChecksumOffset = 48;

    private static ReadOnlySpan<byte> Magic => "LLMERSVS"u8;

    /// <summary>Writes a header; the checksum is filled in by <see cref="PayloadWriter.Commit"/>.</summary>
    public static void WriteHeader(Span<byte> header, VectorStoreHeader value)
    {
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], value.IsNormalized ? NormalizedFlag : 0);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], value.Dimension);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], value.Count);
        BinaryPrimitives.WriteInt64LittleEndian(header[32..], value.VectorsOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[40..], value.FileLength);
    }

    /// <summary>Reads and checks a header against the file it came from.</summary>
    public static VectorStoreHeader ReadHeader(MappedFile file)
    {
        if (file.Length < HeaderSize)
        {
            throw file.Corrupted($"it has {file.Length} bytes, fewer than the {HeaderSize}-byte header");
        }

        var header = file.Slice(0, HeaderSize);
        if (!header[..Magic.Length].SequenceEqual(Magic))
        {
            throw file.Corrupted("it does not start with the vector store signature");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version != Version)
        {
            throw new InvalidDataException(
                $"The vector store '{file.Path}' has format version {version}; this library reads version {Version}. Rebuild the store with this library's version.");
        }

        var value = new VectorStoreHeader(
            Dimension: BinaryPrimitives.ReadInt32LittleEndian(header[16..]),
            Count: BinaryPrimitives.ReadInt64LittleEndian(header[24..]),
            VectorsOffset: BinaryPrimitives.ReadInt64LittleEndian(header[32..]),
            FileLength: BinaryPrimitives.ReadInt64LittleEndian(header[40..]),
            IsNormalized: (BinaryPrimitives.ReadInt32LittleEndian(header[12..]) & NormalizedFlag) != 0);

        if (value.FileLength != file.Length)
        {
            throw file.Corrupted($"its header says {value.FileLength} bytes but the file has {file.Length}; it may be truncated");
        }

        if (value.Dimension < 1 || value.Count < 0 || value.Count * value.Dimension > Array.MaxLength
            || value.VectorsOffset < HeaderSize || value.VectorsOffset % AlignedMemoryHandle.Alignment != 0
            || value.VectorsOffset + value.Count * value.Dimension * sizeof(float) != value.FileLength)
        {
            throw file.Corrupted($"its header describes {value.Count} rows of {value.Dimension} values at byte {value.VectorsOffset}, which does not fit its {file.Length} bytes");
        }

        return value;
    }
}

/// <summary>The numbers in a vector store file's header.</summary>
internal readonly record struct VectorStoreHeader(int Dimension, long Count, long VectorsOffset, long FileLength, bool IsNormalized);

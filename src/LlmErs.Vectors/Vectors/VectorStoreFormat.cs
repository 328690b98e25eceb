using System.Buffers.Binary;

namespace LlmErs.Vectors;

/// <summary>
/// The layout of a vector store file, in the <see cref="PayloadHeader"/> container. All numbers are little-endian.
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
    public const int NormalizedFlag = 1;

    public static readonly PayloadFormat Format = new(
        "vector store", "LLMERSVS"u8.ToArray(), Version: 2, "Rebuild the store from the embeddings with this library's version, or restore it from a copy.");

    /// <summary>Writes the header of the store <paramref name="writer"/> holds and moves the file into place.</summary>
    public static PayloadStamp Commit(PayloadWriter writer, VectorStoreHeader value)
    {
        var header = PayloadHeader.Create(Format);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), value.IsNormalized ? NormalizedFlag : 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), value.Dimension);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), value.Count);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(32), value.VectorsOffset);
        return PayloadHeader.Commit(writer, header);
    }

    /// <summary>Reads and checks a header against the file it came from (see <see cref="PayloadHeader.Read"/>).</summary>
    public static VectorStoreHeader ReadHeader(MappedFile file, bool verifyChecksum, PayloadStamp? expected)
    {
        var header = PayloadHeader.Read(file, Format, verifyChecksum, expected);
        var value = new VectorStoreHeader(
            Dimension: BinaryPrimitives.ReadInt32LittleEndian(header[16..]),
            Count: BinaryPrimitives.ReadInt64LittleEndian(header[24..]),
            VectorsOffset: BinaryPrimitives.ReadInt64LittleEndian(header[32..]),
            IsNormalized: (BinaryPrimitives.ReadInt32LittleEndian(header[12..]) & NormalizedFlag) != 0);

        if (value.Dimension < 1 || value.Count < 0 || value.Count * value.Dimension > Array.MaxLength
            || value.VectorsOffset < PayloadHeader.Size || value.VectorsOffset % AlignedMemoryHandle.Alignment != 0
            || value.VectorsOffset + value.Count * value.Dimension * sizeof(float) != file.Length)
        {
            throw file.Corrupted($"its header describes {value.Count} rows of {value.Dimension} values at byte {value.VectorsOffset}, which does not fit its {file.Length} bytes");
        }

        return value;
    }
}

/// <summary>The numbers in a vector store file's header.</summary>
internal readonly record struct VectorStoreHeader(int Dimension, long Count, long VectorsOffset, bool IsNormalized);

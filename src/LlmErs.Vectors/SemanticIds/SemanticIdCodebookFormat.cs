using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LlmErs.Vectors;

/// <summary>
/// The layout of a codebook file, little-endian:
/// <code>
/// header (64 bytes): magic "LLMERSID", format version (32-bit), reserved (32-bit), XxHash128 of the payload (16 bytes), reserved
/// payload: dimension, quantized dimension, levels, codes (32-bit each);
///          with PCA (quantized dimension ≠ dimension): mean (dimension floats), components (quantized × dimension floats);
///          centroids: levels × codes × quantized dimension floats
/// </code>
/// Nothing in it depends on time or machine, so equal codebooks give equal files.
/// </summary>
internal static class SemanticIdCodebookFormat
{
    private const int HeaderSize = 64;
    private const int Version = 2;
    private const int ChecksumOffset = 16;

    private static ReadOnlySpan<byte> Magic => "LLMERSID"u8;

    public static void Write(SemanticIdCodebook codebook, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new PayloadWriter(path, HeaderSize);
        writer.WriteInt32(codebook.Dimension);
        writer.WriteInt32(codebook.QuantizedDimension);
        writer.WriteInt32(codebook.Levels);
        writer.WriteInt32(codebook.Codes);
        if (codebook.Projection is { } projection)
        {
            writer.Write(MemoryMarshal.AsBytes(projection.Mean.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(projection.Components.AsSpan()));
        }

        for (var level = 0; level < codebook.Levels; level++)
        {
            writer.Write(MemoryMarshal.AsBytes(codebook.GetCentroids(level)));
        }

        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), Version);
        writer.Commit(header, ChecksumOffset);
    }

    public static SemanticIdCodebook Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = MappedFile.Open(path);
        if (file.Length < HeaderSize + (4 * sizeof(int)) || !file.Slice(0, Magic.Length).SequenceEqual(Magic))
        {
            throw file.Corrupted("it does not start with the semantic-ID codebook signature");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(8, sizeof(int)));
        if (version != Version)
        {
            throw new InvalidDataException($"The codebook '{file.Path}' has format version {version}; this library reads version {Version}. Retrain it with this library's version.");
        }

        if (!PayloadChecksum.Matches(file, HeaderSize, ChecksumOffset))
        {
            throw new InvalidDataException(
                $"The codebook '{file.Path}' fails its checksum: its contents changed after it was written. Retrain it, or restore it from a copy.");
        }

        var payload = file.Slice(HeaderSize, file.Length - HeaderSize);
        var dimension = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var quantizedDimension = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        var levels = BinaryPrimitives.ReadInt32LittleEndian(payload[8..]);
        var codes = BinaryPrimitives.ReadInt32LittleEndian(payload[12..]);
        var hasProjection = quantizedDimension != dimension;
        var floats = (long)levels * codes * quantizedDimension + (hasProjection ? (long)dimension * (quantizedDimension + 1) : 0);
        if (dimension < 1 || quantizedDimension < 1 || quantizedDimension > dimension || levels < 1 || codes < 2
            || (4 * sizeof(int)) + (floats * sizeof(float)) != payload.Length)
        {
            throw file.Corrupted($"its sizes ({levels} levels × {codes} codes of {quantizedDimension} values, input {dimension}) do not match its {file.Length} bytes");
        }

        var values = MemoryMarshal.Cast<byte, float>(payload[(4 * sizeof(int))..]);
        PcaProjection? projection = null;
        if (hasProjection)
        {
            projection = new PcaProjection(values[..dimension].ToArray(), values.Slice(dimension, quantizedDimension * dimension).ToArray(), dimension);
            values = values[(dimension * (quantizedDimension + 1))..];
        }

        var centroids = new float[levels][];
        for (var level = 0; level < levels; level++)
        {
            centroids[level] = values.Slice(level * codes * quantizedDimension, codes * quantizedDimension).ToArray();
        }

        return new SemanticIdCodebook(dimension, projection, centroids, codes);
    }
}

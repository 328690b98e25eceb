using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LlmErs;

/// <summary>
/// Stores a vector in the cache as its float32 values, little-endian on every host, so that a cache file or a shared
/// backend means the same on any machine.
/// </summary>
internal static class VectorCodec
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var bytes = MemoryMarshal.AsBytes(vector).ToArray();
        ToOrFromLittleEndian(MemoryMarshal.Cast<byte, int>(bytes.AsSpan()));
        return bytes;
    }

    /// <summary>Decodes a cached vector; null when the entry is not a vector of <paramref name="dimensions"/> values.</summary>
    public static float[]? Decode(ReadOnlySpan<byte> bytes, int dimensions)
    {
        if (bytes.Length != dimensions * sizeof(float))
        {
            return null;
        }

        var vector = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        ToOrFromLittleEndian(MemoryMarshal.Cast<float, int>(vector.AsSpan()));
        return vector;
    }

    // Swapping is its own inverse, so one routine converts both ways; on little-endian hosts it does nothing.
    private static void ToOrFromLittleEndian(Span<int> values)
    {
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }
    }
}

using System.Runtime.InteropServices;

namespace LlmErs;

/// <summary>Stores a vector in the string-valued cache as Base64 of its little-endian float32 bytes.</summary>
internal static class VectorCodec
{
    public static string Encode(ReadOnlySpan<float> vector) => Convert.ToBase64String(MemoryMarshal.AsBytes(vector));

    /// <summary>Decodes a cached vector; null when the entry is not a vector of <paramref name="dimensions"/> values.</summary>
    public static float[]? Decode(string text, int dimensions)
    {
        var vector = new float[dimensions];
        return Convert.TryFromBase64String(text, MemoryMarshal.AsBytes(vector.AsSpan()), out var written) && written == dimensions * sizeof(float)
            ? vector
            : null;
    }
}

using System.Numerics.Tensors;

namespace LlmErs.Vectors;

/// <summary>L2 normalization helpers for embedding vectors.</summary>
public static class VectorMath
{
    /// <summary>Scales <paramref name="vector"/> in place to unit L2 norm; a zero vector stays zero.</summary>
    /// <returns>The norm the vector had.</returns>
    public static float Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0f)
        {
            TensorPrimitives.Multiply(vector, 1f / norm, vector);
        }

        return norm;
    }

    /// <summary>Writes <paramref name="source"/> scaled to unit L2 norm into <paramref name="destination"/>; a zero vector stays zero.</summary>
    /// <returns>The norm of <paramref name="source"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static float Normalize(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; it needs {source.Length}.", nameof(destination));
        }

        source.CopyTo(destination);
        return Normalize(destination[..source.Length]);
    }
}

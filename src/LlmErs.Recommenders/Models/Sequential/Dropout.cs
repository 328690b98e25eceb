using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Inverted dropout: in training each value is kept with probability 1 − p and scaled by 1 / (1 − p), so inference
/// needs no rescaling. The mask is drawn on the calling thread from one seeded stream, in row order.
/// </summary>
internal static class Dropout
{
    /// <summary>Draws a mask of 0 and 1 / (1 − <paramref name="rate"/>) values into <paramref name="mask"/>.</summary>
    public static void DrawMask(Span<float> mask, float rate, ref SplitMix64 random)
    {
        var kept = 1f / (1f - rate);
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextDouble() < rate ? 0f : kept;
        }
    }

    /// <summary><c>values ⊙= mask</c>: applies a mask forward, or to a gradient backward.</summary>
    public static void Apply(Span<float> values, ReadOnlySpan<float> mask)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= mask[i];
        }
    }
}

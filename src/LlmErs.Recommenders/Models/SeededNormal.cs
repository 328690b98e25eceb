using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>Normally distributed values from <see cref="SplitMix64"/> (Box–Muller), the same for a seed on every runtime.</summary>
internal static class SeededNormal
{
    /// <summary>Fills <paramref name="values"/> with draws from N(0, <paramref name="standardDeviation"/>²).</summary>
    public static void Fill(Span<float> values, float standardDeviation, ref SplitMix64 random)
    {
        for (var i = 0; i < values.Length; i += 2)
        {
            // 1 − u lies in (0, 1], so the logarithm is finite.
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * standardDeviation;
            var angle = 2.0 * Math.PI * random.NextDouble();
            values[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < values.Length)
            {
                values[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }
}

using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>Seeded permutations that are the same on every runtime and machine (SplitMix64, Fisher–Yates).</summary>
internal static class SeededShuffle
{
    /// <summary>A random permutation of 0..<paramref name="count"/>-1.</summary>
    public static int[] Permutation(int count, int seed)
    {
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = i;
        }

        Shuffle(values, seed);
        return values;
    }

    /// <summary>Shuffles <paramref name="values"/> in place.</summary>
    public static void Shuffle(Span<int> values, int seed)
    {
        var random = new SplitMix64((ulong)(uint)seed);
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.NextInt32(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}

namespace LlmErs;

/// <summary>
/// MinHash signatures of shingle sets: the share of equal positions in two signatures estimates the sets' Jaccard
/// similarity. Deterministic (fixed seeds, no model), so the same texts give the same clusters on any machine.
/// </summary>
internal static class MinHash
{
    public const int Length = 128;

    public static ulong[] Signature(HashSet<ulong> shingles)
    {
        var signature = new ulong[Length];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Length; i++)
            {
                var value = Mix(shingle ^ ((ulong)(i + 1) * 0x9E3779B97F4A7C15UL));
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }

        return signature;
    }

    public static double Similarity(ulong[] a, ulong[] b)
    {
        var equal = 0;
        for (var i = 0; i < Length; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return (double)equal / Length;
    }

    // SplitMix64's finalizer: a cheap, well-mixed permutation of 64-bit values.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

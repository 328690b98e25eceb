namespace LlmErs.Vectors;

/// <summary>
/// The SplitMix64 generator: fully specified, so a seed gives the same sequence on every runtime and machine
/// (<see cref="Random"/> does not promise that across .NET versions).
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt32(int maxExclusive) => (int)(NextDouble() * maxExclusive);
}

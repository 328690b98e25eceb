namespace LlmErs.Vectors;

/// <summary>Options for <see cref="RqKMeans.Train"/>.</summary>
public sealed class RqKMeansOptions
{
    /// <summary>The number of quantization levels, coarse to fine (1–16). Default 3.</summary>
    public int Levels { get; set; } = 3;

    /// <summary>The codebook size of each level (2–65,536). Default 256.</summary>
    public int Codes { get; set; } = 256;

    /// <summary>The seed of k-means++ seeding; the same seed and data give the same codebooks on any machine. Default 42.</summary>
    public ulong Seed { get; set; } = 42;

    /// <summary>The most Lloyd iterations per level; a level stops earlier once no assignment changes. Default 25.</summary>
    public int MaxIterations { get; set; } = 25;

    /// <summary>
    /// When positive and below the vectors' dimension, the vectors are first projected on this many principal
    /// components, which removes noise dimensions and speeds training. Default 0: no projection.
    /// </summary>
    public int PcaDimensions { get; set; }

    /// <summary>How many threads training may use; the result does not depend on it. Default: all processors.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;
}

namespace LlmErs;

/// <summary>Options of <see cref="DuplicateGate{TItem}"/>.</summary>
public sealed class DuplicateGateOptions
{
    /// <summary>
    /// The estimated Jaccard similarity of word 3-shingles at or above which two answers are near-duplicates. Default 0.8:
    /// one changed word in a 17-word sentence keeps about 0.8 of its 3-shingles, while texts that merely share a topic share
    /// few 3-shingles at all (the tests plant both).
    /// </summary>
    public double Threshold { get; set; } = 0.8;

    /// <summary>
    /// The largest cluster of near-duplicates left alone. Default 2: a remake and its original may read alike, but three or
    /// more items with one text is boilerplate, and every member of such a cluster is quarantined (none is the "real" one).
    /// </summary>
    public int MaxClusterSize { get; set; } = 2;

    internal void Validate()
    {
        if (Threshold is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Use a similarity in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxClusterSize);
    }
}

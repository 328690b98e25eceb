namespace LlmErs;

/// <summary>Options of <see cref="DuplicateGate{TItem}"/>.</summary>
public sealed class DuplicateGateOptions
{
    /// <summary>
    /// The estimated Jaccard similarity of word 3-shingles at or above which two answers are near-duplicates. Default 0.8:
    /// case, width and punctuation never count, and changing the last word of a 17-word sentence leaves 14/16 ≈ 0.88, but
    /// one changed word in its middle leaves 12/18 ≈ 0.67 — lower the threshold to catch such edits; texts that merely share
    /// a topic share few 3-shingles at all.
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

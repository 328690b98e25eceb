namespace LlmErs;

/// <summary>
/// Puts every item into one vector space from whichever modality it has: a <see cref="LinearAlignment"/> from the
/// other modality (e.g. image vectors) into the primary one (e.g. text vectors) is fitted on the items that have both,
/// and each item gets its primary vector, or, lacking one, its mapped other vector.
/// </summary>
public static class ModalityAlignment
{
    /// <summary>
    /// One vector per item in the primary space: <paramref name="primary"/>[i] when present (non-empty), else
    /// <paramref name="other"/>[i] mapped and L2-normalized, else empty (the item has neither).
    /// </summary>
    /// <param name="primary">Per item, its vector in the target space, or empty.</param>
    /// <param name="other">Per item, its vector in the other space, or empty.</param>
    /// <param name="options">Options of the fit.</param>
    /// <param name="alignment">The map fitted on the items with both.</param>
    /// <exception cref="ArgumentException">The lists differ in length or too few items have both.</exception>
    public static ReadOnlyMemory<float>[] Complete(
        IReadOnlyList<ReadOnlyMemory<float>> primary, IReadOnlyList<ReadOnlyMemory<float>> other, LinearAlignmentOptions? options,
        out LinearAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(other);
        if (primary.Count != other.Count)
        {
            throw new ArgumentException($"{primary.Count} primary vectors but {other.Count} others; both lists hold one entry per item.", nameof(other));
        }

        var both = Enumerable.Range(0, primary.Count).Where(i => !primary[i].IsEmpty && !other[i].IsEmpty).ToArray();
        alignment = LinearAlignment.Fit([.. both.Select(i => other[i])], [.. both.Select(i => primary[i])], options);
        var result = new ReadOnlyMemory<float>[primary.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (!primary[i].IsEmpty)
            {
                result[i] = primary[i];
            }
            else if (!other[i].IsEmpty)
            {
                var mapped = alignment.Map(other[i].Span);
                LlmErs.Vectors.VectorMath.Normalize(mapped);
                result[i] = mapped;
            }
        }

        return result;
    }
}

namespace LlmErs.Recommenders;

/// <summary>
/// A mini-batch of item sequences stored back to back without padding: sequence s holds rows
/// <c>[Starts[s], Starts[s] + Lengths[s])</c>. Each row has its item, its position and, in training, the item that
/// follows it (the target). A sequence shorter than the model's length takes the last positions, so the most recent
/// item always has the last position, as with left padding.
/// </summary>
internal sealed class SequenceBatch
{
    public SequenceBatch(int capacity, int maxLength)
    {
        MaxLength = maxLength;
        Starts = new int[capacity];
        Lengths = new int[capacity];
        AttentionStarts = new int[capacity];
        Items = new int[capacity * maxLength];
        Positions = new int[capacity * maxLength];
        Targets = new int[capacity * maxLength];
    }

    public int MaxLength { get; }

    /// <summary>The number of sequences.</summary>
    public int Count { get; private set; }

    /// <summary>The number of rows, over all sequences.</summary>
    public int Rows { get; private set; }

    /// <summary>The number of attention weights per head, over all sequences (Σ length²).</summary>
    public int AttentionSize { get; private set; }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    /// <summary>Where each sequence's attention weights start: heads × length × length values.</summary>
    public int[] AttentionStarts { get; }

    public int[] Items { get; }

    public int[] Positions { get; }

    /// <summary>The item that follows each row's item; -1 when the batch has no targets.</summary>
    public int[] Targets { get; }

    public void Clear() => (Count, Rows, AttentionSize) = (0, 0, 0);

    /// <summary>
    /// Adds the last items of <paramref name="history"/> (at most <see cref="MaxLength"/>) as inputs; with
    /// <paramref name="withTargets"/>, each input's target is the item after it, so the history's last item is only a target.
    /// </summary>
    /// <param name="history">The items, oldest first.</param>
    /// <param name="heads">The attention heads, which size the attention weights.</param>
    /// <param name="withTargets">Whether to shift targets out of the history (training) or read it whole (encoding a user).</param>
    public void Add(ReadOnlySpan<int> history, int heads, bool withTargets)
    {
        var inputs = withTargets ? history[..^1] : history;
        if (inputs.Length > MaxLength)
        {
            var skip = inputs.Length - MaxLength;
            inputs = inputs[skip..];
            history = history[skip..];
        }

        var length = inputs.Length;
        Starts[Count] = Rows;
        Lengths[Count] = length;
        AttentionStarts[Count] = AttentionSize * heads;
        for (var t = 0; t < length; t++)
        {
            Items[Rows + t] = inputs[t];
            Positions[Rows + t] = MaxLength - length + t;
            Targets[Rows + t] = withTargets ? history[t + 1] : -1;
        }

        Count++;
        Rows += length;
        AttentionSize += length * length;
    }
}

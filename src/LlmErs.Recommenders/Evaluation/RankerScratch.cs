namespace LlmErs.Recommenders;

/// <summary>One thread's reusable buffers for <see cref="RelevantRanker"/>, grown on demand and cleared where they accumulate.</summary>
internal sealed class RankerScratch
{
    private RankedRelevant[] _entries = [];
    private float[] _sortedScores = [];
    private int[] _sortedTieKeys = [];
    private long[] _aboveAdds = [];
    private long[] _winAdds = [];

    public Span<RankedRelevant> Entries(int length) => Grow(ref _entries, length);

    public Span<float> SortedScores(int length) => Grow(ref _sortedScores, length);

    public Span<int> SortedTieKeys(int length) => Grow(ref _sortedTieKeys, length);

    public Span<long> AboveAdds(int length) => Cleared(ref _aboveAdds, length);

    public Span<long> WinAdds(int length) => Cleared(ref _winAdds, length);

    private static Span<T> Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, length);
    }

    private static Span<long> Cleared(ref long[] buffer, int length)
    {
        var span = Grow(ref buffer, length);
        span.Clear();
        return span;
    }
}

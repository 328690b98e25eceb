namespace LlmErs.Recommenders;

/// <summary>One thread's reusable buffers while it evaluates users, grown on demand.</summary>
internal sealed class EvaluationWorkspace
{
    private float[] _allScores = [];
    private float[] _candidateScores = [];
    private int[] _candidateItems = [];
    private int[] _candidateTieKeys = [];
    private int[] _relevantPositions = [];

    /// <summary>Buffers of <see cref="RelevantRanker"/>.</summary>
    public RankerScratch Ranker { get; } = new();

    /// <summary>Suffix additions of the pooled-AUC pass, one per positive (+1); allocated by that pass.</summary>
    public long[]? PooledWinAdds { get; set; }

    /// <summary>A buffer for every item's score.</summary>
    public Span<float> AllScores(int length) => Grow(ref _allScores, length);

    /// <summary>A buffer for the candidates' scores.</summary>
    public Span<float> CandidateScores(int length) => Grow(ref _candidateScores, length);

    /// <summary>A buffer for the candidates' tie keys.</summary>
    public Span<int> CandidateTieKeys(int length) => Grow(ref _candidateTieKeys, length);

    /// <summary>A buffer for the candidates' item indices.</summary>
    public Span<int> CandidateItems(int length) => Grow(ref _candidateItems, length);

    /// <summary>A buffer for the relevant items' candidate positions.</summary>
    public Span<int> RelevantPositions(int length) => Grow(ref _relevantPositions, length);

    private static Span<T> Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, length);
    }
}

namespace LlmErs.Recommenders;

/// <summary>What evaluation keeps of one user: where their relevant items ranked and how many pairs each won.</summary>
internal sealed class UserOutcome(int user, int[] items, float[] scores, int[] ranks, long[] doubledWins, int negatives, double[]? grades)
{
    /// <summary>The user index.</summary>
    public int User { get; } = user;

    /// <summary>The relevant items, ascending.</summary>
    public int[] Items { get; } = items;

    /// <summary>The relevant items' scores.</summary>
    public float[] Scores { get; } = scores;

    /// <summary>Each relevant item's 1-based rank among the user's candidates.</summary>
    public int[] Ranks { get; } = ranks;

    /// <summary>Per relevant item: 2 × the user's negatives it outscores + those it ties (for GAUC).</summary>
    public long[] DoubledWins { get; } = doubledWins;

    /// <summary>The user's candidates that are not relevant.</summary>
    public int Negatives { get; } = negatives;

    /// <summary>The relevant items' relevance grades, for graded NDCG; null when no metric is graded.</summary>
    public double[]? Grades { get; } = grades;

    /// <summary>The length of the user's ranked list: every candidate, relevant or not.</summary>
    public int Candidates => Negatives + Items.Length;

    /// <summary>Per relevant item: the same count against the negatives of all users pooled (for AUC); null until computed.</summary>
    public long[]? PooledDoubledWins { get; set; }
}

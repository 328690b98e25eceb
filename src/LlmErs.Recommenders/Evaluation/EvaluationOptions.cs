namespace LlmErs.Recommenders;

/// <summary>Options of <see cref="RankingEvaluator"/>.</summary>
public sealed class EvaluationOptions
{
    private int _maxDegreeOfParallelism = -1;

    /// <summary>The default <see cref="TieBreakSeed"/>, shared with <see cref="RankingMetrics.FromScores"/> and model export.</summary>
    public const int DefaultTieBreakSeed = 42;

    /// <summary>The metrics to compute; <see cref="Metric.Defaults"/> by default.</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = Metric.Defaults;

    /// <summary>The bootstrap that gives each metric its confidence interval.</summary>
    public BootstrapOptions Bootstrap { get; init; } = new();

    /// <summary>The popularity and history-length slices.</summary>
    public SliceOptions Slices { get; init; } = new();

    /// <summary>
    /// The seed of the order that breaks score ties: a random permutation of the items, the same for every user and
    /// every model. Item indices are not used because they follow the data's order (ids by first appearance), which
    /// correlates with popularity and time: a model scoring many items equally would be rewarded or punished by it.
    /// </summary>
    public int TieBreakSeed { get; init; } = DefaultTieBreakSeed;

    /// <summary>
    /// The relevance grade of a test (or validation) interaction from its rating, for graded NDCG
    /// (<see cref="Metric.Ndcg(int, RelevanceGain)"/>); the rating itself by default. Grades must be finite and ≥ 0.
    /// </summary>
    public Func<float, double> GradeOfRating { get; init; } = static rating => rating;

    /// <summary>The most threads scoring users at once; -1 (the default) for as many as there are cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get => _maxDegreeOfParallelism; init => _maxDegreeOfParallelism = value; }

    /// <summary>A copy of these options with at most <paramref name="maxDegreeOfParallelism"/> threads (-1: as set).</summary>
    internal EvaluationOptions WithAtMost(int maxDegreeOfParallelism)
    {
        var copy = (EvaluationOptions)MemberwiseClone();
        copy._maxDegreeOfParallelism = RowThreads.Cap(MaxDegreeOfParallelism, maxDegreeOfParallelism);
        return copy;
    }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Metrics, nameof(Metrics));
        ArgumentNullException.ThrowIfNull(Bootstrap, nameof(Bootstrap));
        ArgumentNullException.ThrowIfNull(Slices, nameof(Slices));
        ArgumentNullException.ThrowIfNull(GradeOfRating, nameof(GradeOfRating));
        if (Metrics.Count == 0)
        {
            throw new ArgumentException("Name at least one metric.", nameof(Metrics));
        }

        foreach (var metric in Metrics)
        {
            if (!metric.IsValid)
            {
                throw new ArgumentException($"The metric {metric} is not valid; create metrics with Metric.Ndcg(10), Metric.Auc and the like.", nameof(Metrics));
            }
        }

        if (Metrics.Distinct().Count() != Metrics.Count)
        {
            throw new ArgumentException($"A metric is listed twice: {string.Join(", ", Metrics)}.", nameof(Metrics));
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 for all cores, or a positive thread count.");
        }

        Bootstrap.Validate();
        Slices.Validate();
    }
}

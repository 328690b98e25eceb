namespace LlmErs.Recommenders;

/// <summary>
/// A metric with its cut-off: <c>Metric.Ndcg(10)</c> is NDCG@10, <c>Metric.Ndcg()</c> NDCG over the whole list. AUC
/// and GAUC have no cut-off. NDCG can weigh relevant items by grade (<see cref="RelevanceGain"/>). Definitions, and how
/// they compare with RecBole, Microsoft Recommenders, trec_eval and ranx, are in docs/metrics.md and on
/// <see cref="RankingMetrics"/> and <see cref="AreaUnderCurve"/>.
/// </summary>
public readonly record struct Metric
{
    // False only in default(Metric), which names no metric.
    private readonly bool _created;

    private Metric(MetricKind kind, int k, RelevanceGain gain = RelevanceGain.Binary)
    {
        Kind = kind;
        K = k;
        Gain = gain;
        _created = true;
    }

    /// <summary>NDCG@10, NDCG@20, Recall@10, Recall@20, HitRate@10, HitRate@20, Precision@10, MAP@10, MRR, AUC and GAUC.</summary>
    public static IReadOnlyList<Metric> Defaults { get; } =
        [Ndcg(10), Ndcg(20), Recall(10), Recall(20), HitRate(10), HitRate(20), Precision(10), Map(10), Mrr(), Auc, Gauc];

    /// <summary>Area under the ROC curve over all (user, item) pairs pooled.</summary>
    public static Metric Auc => new(MetricKind.Auc, 0);

    /// <summary>Per-user AUC weighted by each user's relevant items.</summary>
    public static Metric Gauc => new(MetricKind.Gauc, 0);

    /// <summary>What is measured.</summary>
    public MetricKind Kind { get; }

    /// <summary>The cut-off (the length of the recommendation list); 0 for the whole list.</summary>
    public int K { get; }

    /// <summary>How a relevant item's grade becomes gain; <see cref="RelevanceGain.Binary"/> except for graded NDCG.</summary>
    public RelevanceGain Gain { get; }

    /// <summary>Whether the metric reads relevance grades (graded NDCG).</summary>
    public bool IsGraded => Gain != RelevanceGain.Binary;

    /// <summary>Whether the metric compares scores pairwise (AUC, GAUC) rather than reading the ranked list.</summary>
    public bool IsPairwise => Kind is MetricKind.Auc or MetricKind.Gauc;

    /// <summary>NDCG@<paramref name="k"/>, binary gain.</summary>
    public static Metric Ndcg(int k) => WithCutoff(MetricKind.Ndcg, k);

    /// <summary>NDCG@<paramref name="k"/> with graded gain (<see cref="RelevanceGain.Linear"/> or <see cref="RelevanceGain.Exponential"/>).</summary>
    public static Metric Ndcg(int k, RelevanceGain gain)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return new Metric(MetricKind.Ndcg, k, Defined(gain));
    }

    /// <summary>NDCG over the whole ranked list.</summary>
    public static Metric Ndcg(RelevanceGain gain = RelevanceGain.Binary) => new(MetricKind.Ndcg, 0, Defined(gain));

    /// <summary>Recall@<paramref name="k"/>.</summary>
    public static Metric Recall(int k) => WithCutoff(MetricKind.Recall, k);

    /// <summary>Recall over the whole ranked list (1 in full ranking, where every relevant item is a candidate).</summary>
    public static Metric Recall() => new(MetricKind.Recall, 0);

    /// <summary>HitRate@<paramref name="k"/>.</summary>
    public static Metric HitRate(int k) => WithCutoff(MetricKind.HitRate, k);

    /// <summary>HitRate over the whole ranked list.</summary>
    public static Metric HitRate() => new(MetricKind.HitRate, 0);

    /// <summary>Precision@<paramref name="k"/> (divided by <paramref name="k"/> even when the list is shorter).</summary>
    public static Metric Precision(int k) => WithCutoff(MetricKind.Precision, k);

    /// <summary>Precision over the whole ranked list: hits over the list's length.</summary>
    public static Metric Precision() => new(MetricKind.Precision, 0);

    /// <summary>MAP@<paramref name="k"/>.</summary>
    public static Metric Map(int k) => WithCutoff(MetricKind.Map, k);

    /// <summary>MAP over the whole ranked list (average precision normalized by the number of relevant items).</summary>
    public static Metric Map() => new(MetricKind.Map, 0);

    /// <summary>MRR over the whole ranking, or MRR@<paramref name="k"/> (RecBole's variant) when <paramref name="k"/> is positive.</summary>
    public static Metric Mrr(int k = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return new Metric(MetricKind.Mrr, k);
    }

    /// <summary>The conventional name: <c>NDCG@10</c>, <c>NDCG@10 (linear gain)</c>, <c>MRR</c>, <c>AUC</c>; no cut-off for the whole list.</summary>
    public override string ToString()
    {
        var name = Kind switch
        {
            MetricKind.Ndcg => "NDCG",
            MetricKind.Recall => "Recall",
            MetricKind.HitRate => "HitRate",
            MetricKind.Precision => "Precision",
            MetricKind.Map => "MAP",
            MetricKind.Mrr => "MRR",
            MetricKind.Auc => "AUC",
            MetricKind.Gauc => "GAUC",
            _ => Kind.ToString(),
        };
        var text = K > 0 ? $"{name}@{K}" : name;
        return Gain switch
        {
            RelevanceGain.Linear => text + " (linear gain)",
            RelevanceGain.Exponential => text + " (exponential gain)",
            _ => text,
        };
    }

    /// <summary>Whether the kind, cut-off and gain fit together (a default-constructed value does not).</summary>
    internal bool IsValid => _created && (IsPairwise ? K == 0 : K >= 0) && (!IsGraded || Kind == MetricKind.Ndcg);

    private static Metric WithCutoff(MetricKind kind, int k)
    {
        // 0 would silently mean the whole list; that form is the overload without k.
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return new Metric(kind, k);
    }

    private static RelevanceGain Defined(RelevanceGain gain) =>
        Enum.IsDefined(gain) ? gain : throw new ArgumentOutOfRangeException(nameof(gain), gain, "Use RelevanceGain.Binary, Linear or Exponential.");
}

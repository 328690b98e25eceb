namespace LlmErs.Recommenders;

/// <summary>
/// A metric with its cut-off: <c>Metric.Ndcg(10)</c> is NDCG@10. AUC and GAUC have no cut-off; MRR has an optional
/// one. Definitions, and how they compare with RecBole and Microsoft Recommenders, are in docs/metrics.md and on
/// <see cref="RankingMetrics"/> and <see cref="AreaUnderCurve"/>.
/// </summary>
public readonly record struct Metric
{
    private Metric(MetricKind kind, int k)
    {
        Kind = kind;
        K = k;
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

    /// <summary>The cut-off (the length of the recommendation list); 0 for none.</summary>
    public int K { get; }

    /// <summary>Whether the metric compares scores pairwise (AUC, GAUC) rather than reading the ranked list.</summary>
    public bool IsPairwise => Kind is MetricKind.Auc or MetricKind.Gauc;

    /// <summary>NDCG@<paramref name="k"/>.</summary>
    public static Metric Ndcg(int k) => WithCutoff(MetricKind.Ndcg, k);

    /// <summary>Recall@<paramref name="k"/>.</summary>
    public static Metric Recall(int k) => WithCutoff(MetricKind.Recall, k);

    /// <summary>HitRate@<paramref name="k"/>.</summary>
    public static Metric HitRate(int k) => WithCutoff(MetricKind.HitRate, k);

    /// <summary>Precision@<paramref name="k"/>.</summary>
    public static Metric Precision(int k) => WithCutoff(MetricKind.Precision, k);

    /// <summary>MAP@<paramref name="k"/>.</summary>
    public static Metric Map(int k) => WithCutoff(MetricKind.Map, k);

    /// <summary>MRR over the whole ranking, or MRR@<paramref name="k"/> (RecBole's variant) when <paramref name="k"/> is positive.</summary>
    public static Metric Mrr(int k = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return new Metric(MetricKind.Mrr, k);
    }

    /// <summary>The conventional name: <c>NDCG@10</c>, <c>MRR</c>, <c>AUC</c>.</summary>
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
        return K > 0 ? $"{name}@{K}" : name;
    }

    /// <summary>Whether the kind and cut-off fit together (a default-constructed value does not).</summary>
    internal bool IsValid => IsPairwise ? K == 0 : Kind == MetricKind.Mrr ? K >= 0 : K >= 1;

    private static Metric WithCutoff(MetricKind kind, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return new Metric(kind, k);
    }
}

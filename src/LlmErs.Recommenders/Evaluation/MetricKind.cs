namespace LlmErs.Recommenders;

/// <summary>The metrics evaluation computes; <see cref="Metric"/> pairs one with its cut-off. Definitions: docs/metrics.md.</summary>
public enum MetricKind
{
    /// <summary>Normalized discounted cumulative gain at K, binary or graded gain (<see cref="RelevanceGain"/>).</summary>
    Ndcg,

    /// <summary>Hits in the top K over the number of relevant items.</summary>
    Recall,

    /// <summary>1 when the top K holds at least one relevant item.</summary>
    HitRate,

    /// <summary>Hits in the top K over K.</summary>
    Precision,

    /// <summary>Mean average precision at K, normalized by min(K, relevant).</summary>
    Map,

    /// <summary>Reciprocal rank of the first relevant item (0 beyond the cut-off, when there is one).</summary>
    Mrr,

    /// <summary>Area under the ROC curve over all (user, item) pairs pooled; a tie counts one half.</summary>
    Auc,

    /// <summary>Per-user AUC averaged with each user weighted by their relevant items.</summary>
    Gauc,
}

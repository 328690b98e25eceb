namespace LlmErs.Recommenders;

/// <summary>
/// The list metrics of one user's ranked list, as plain functions (the evaluator computes the same values from ranks).
/// </summary>
/// <remarks>
/// <para>With <c>rel(i)</c> = 1 when the item at 1-based position <c>i</c> is relevant, <c>R</c> = the number of
/// distinct relevant items, <c>hits@K</c> = Σ<sub>i≤K</sub> rel(i):</para>
/// <list type="bullet">
/// <item><description>HitRate@K = 1 if hits@K &gt; 0, else 0.</description></item>
/// <item><description>Recall@K = hits@K / R.</description></item>
/// <item><description>Precision@K = hits@K / K (also when the list is shorter than K).</description></item>
/// <item><description>NDCG@K = DCG@K / IDCG@K with DCG@K = Σ<sub>i≤K</sub> rel(i) / log2(i+1) and IDCG@K = Σ<sub>i≤min(K,R)</sub> 1 / log2(i+1).</description></item>
/// <item><description>MAP@K = Σ<sub>i≤K</sub> rel(i) · Precision@i / min(K, R).</description></item>
/// <item><description>MRR = 1 / (position of the first relevant item), 0 when none is listed; MRR@K is 0 when that position is beyond K.</description></item>
/// </list>
/// <para>An item listed twice counts at its first position only; later copies still take up positions. Relevant
/// items are a set (duplicates collapse). With no relevant item the metrics are undefined and return NaN; evaluation
/// skips such users, as RecBole and Microsoft Recommenders do.</para>
/// </remarks>
public static class RankingMetrics
{
    /// <summary>Computes a list metric for one user.</summary>
    /// <param name="metric">A list metric (not AUC or GAUC; see <see cref="AreaUnderCurve"/>).</param>
    /// <param name="ranked">The recommended items, best first.</param>
    /// <param name="relevant">The user's relevant items.</param>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is AUC, GAUC or not valid.</exception>
    public static double Compute(Metric metric, ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant)
    {
        if (metric.IsPairwise || !metric.IsValid)
        {
            throw new ArgumentException($"{metric} is not a list metric; use AreaUnderCurve for AUC and GAUC.", nameof(metric));
        }

        var remaining = new HashSet<int>(relevant.Length);
        foreach (var item in relevant)
        {
            remaining.Add(item);
        }

        if (remaining.Count == 0)
        {
            return double.NaN;
        }

        var ranks = new int[remaining.Count];
        var found = 0;
        for (var position = 0; position < ranked.Length && found < ranks.Length; position++)
        {
            if (remaining.Remove(ranked[position]))
            {
                ranks[found++] = position + 1;
            }
        }

        ranks.AsSpan(found).Fill(MetricFormulas.NotRanked);
        return MetricFormulas.Value(metric, ranks);
    }
}

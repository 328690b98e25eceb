namespace LlmErs.Recommenders;

/// <summary>
/// The list metrics of one user from the 1-based ranks of their relevant items: every list metric is a function of
/// those ranks and the number of relevant items, so the evaluator never needs the ranked list itself.
/// </summary>
internal static class MetricFormulas
{
    /// <summary>The rank of a relevant item that the list does not contain.</summary>
    public const int NotRanked = int.MaxValue;

    /// <summary>The value of a list metric (not AUC or GAUC).</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="ranks">The ranks of the relevant items, ascending and distinct (<see cref="NotRanked"/> last).</param>
    public static double Value(Metric metric, ReadOnlySpan<int> ranks)
    {
        var k = metric.K;
        switch (metric.Kind)
        {
            case MetricKind.HitRate:
                return ranks[0] <= k ? 1 : 0;
            case MetricKind.Recall:
                return (double)HitsWithin(ranks, k) / ranks.Length;
            case MetricKind.Precision:
                return (double)HitsWithin(ranks, k) / k;
            case MetricKind.Mrr:
                return ranks[0] == NotRanked || (k > 0 && ranks[0] > k) ? 0 : 1.0 / ranks[0];
            case MetricKind.Ndcg:
                var dcg = 0.0;
                for (var i = 0; i < ranks.Length && ranks[i] <= k; i++)
                {
                    dcg += Discount(ranks[i]);
                }

                var ideal = 0.0;
                for (var i = 1; i <= Math.Min(k, ranks.Length); i++)
                {
                    ideal += Discount(i);
                }

                return dcg / ideal;
            case MetricKind.Map:
                var sum = 0.0;
                for (var i = 0; i < ranks.Length && ranks[i] <= k; i++)
                {
                    // The (i+1)-th hit sits at rank ranks[i]: precision there is (i+1) / ranks[i].
                    sum += (i + 1.0) / ranks[i];
                }

                return sum / Math.Min(k, ranks.Length);
            default:
                throw new ArgumentException($"{metric} is not a list metric; AUC and GAUC compare scores pairwise.", nameof(metric));
        }
    }

    private static double Discount(int rank) => 1.0 / Math.Log2(rank + 1.0);

    private static int HitsWithin(ReadOnlySpan<int> ranks, int k)
    {
        var hits = 0;
        while (hits < ranks.Length && ranks[hits] <= k)
        {
            hits++;
        }

        return hits;
    }
}

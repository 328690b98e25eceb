namespace LlmErs.Recommenders;

/// <summary>
/// The list metrics of one user from the 1-based ranks of their relevant items: every list metric is a function of
/// those ranks, the number of relevant items (and, for graded NDCG, their gains), so the evaluator never needs the
/// ranked list itself.
/// </summary>
internal static class MetricFormulas
{
    /// <summary>The rank of a relevant item that the list does not contain.</summary>
    public const int NotRanked = int.MaxValue;

    /// <summary>The value of a list metric (not AUC or GAUC).</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="ranks">The ranks of the relevant items, ascending and distinct (<see cref="NotRanked"/> last).</param>
    /// <param name="grades">For graded NDCG, each relevant item's grade in the order of <paramref name="ranks"/>; otherwise ignored.</param>
    /// <param name="listLength">The length of the ranked list: the cut-off of a whole-list metric (K = 0).</param>
    public static double Value(Metric metric, ReadOnlySpan<int> ranks, ReadOnlySpan<double> grades, int listLength)
    {
        // A missing item's rank is NotRanked, beyond any cut-off: K = int.MaxValue must not count it as listed.
        var k = metric.K == 0 ? listLength : Math.Min(metric.K, NotRanked - 1);
        var hits = HitsWithin(ranks, k);
        switch (metric.Kind)
        {
            case MetricKind.HitRate:
                return hits > 0 ? 1 : 0;
            case MetricKind.Recall:
                return (double)hits / ranks.Length;
            case MetricKind.Precision:
                return k == 0 ? 0 : (double)hits / k;
            case MetricKind.Mrr:
                return hits > 0 ? 1.0 / ranks[0] : 0;
            case MetricKind.Ndcg:
                return metric.IsGraded ? GradedNdcg(ranks[..hits], grades, metric.Gain, k) : BinaryNdcg(ranks[..hits], Math.Min(k, ranks.Length));
            case MetricKind.Map:
                var sum = 0.0;
                for (var i = 0; i < hits; i++)
                {
                    // The (i+1)-th hit sits at rank ranks[i]: precision there is (i+1) / ranks[i].
                    sum += (i + 1.0) / ranks[i];
                }

                return hits == 0 ? 0 : sum / Math.Min(k, ranks.Length);
            default:
                throw new ArgumentException($"{metric} is not a list metric; AUC and GAUC compare scores pairwise.", nameof(metric));
        }
    }

    /// <summary>Throws unless <paramref name="grade"/> is a finite number ≥ 0, naming <paramref name="what"/>.</summary>
    public static void CheckGrade(double grade, string what)
    {
        if (!double.IsFinite(grade) || grade < 0)
        {
            throw new ArgumentException($"The relevance grade {grade} of {what} is not a finite number ≥ 0; graded NDCG needs grades such as ratings (0 = not relevant).");
        }
    }

    private static double BinaryNdcg(ReadOnlySpan<int> hitRanks, int idealPositions)
    {
        if (hitRanks.IsEmpty)
        {
            return 0;
        }

        var dcg = 0.0;
        foreach (var rank in hitRanks)
        {
            dcg += Discount(rank);
        }

        var ideal = 0.0;
        for (var i = 1; i <= idealPositions; i++)
        {
            ideal += Discount(i);
        }

        return dcg / ideal;
    }

    private static double GradedNdcg(ReadOnlySpan<int> hitRanks, ReadOnlySpan<double> grades, RelevanceGain gain, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < hitRanks.Length; i++)
        {
            dcg += GainOf(gain, grades[i]) * Discount(hitRanks[i]);
        }

        // The ideal list puts the largest gains first, over at most k positions.
        var sorted = new double[grades.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = GainOf(gain, grades[i]);
        }

        Array.Sort(sorted, static (a, b) => b.CompareTo(a));
        var ideal = 0.0;
        for (var i = 0; i < Math.Min(k, sorted.Length); i++)
        {
            ideal += sorted[i] * Discount(i + 1);
        }

        // Every relevant item graded 0: nothing to gain, so no ranking can do better or worse (trec_eval reports 0).
        return ideal == 0 ? 0 : dcg / ideal;
    }

    // Linear: the grade (trec_eval, ranx ndcg); exponential: 2^grade − 1 (ranx ndcg_burges).
    private static double GainOf(RelevanceGain gain, double grade) =>
        gain == RelevanceGain.Exponential ? Math.Pow(2, grade) - 1 : grade;

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

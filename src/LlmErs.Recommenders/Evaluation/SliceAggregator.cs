namespace LlmErs.Recommenders;

/// <summary>Turns the users' outcomes into one slice's metrics: per-user values and weights, then <see cref="UserBootstrap"/>.</summary>
internal static class SliceAggregator
{
    /// <summary>Aggregates the test cases that pass the filters; null when none does.</summary>
    /// <param name="slice">The slice.</param>
    /// <param name="stream">The slice's random stream for the bootstrap.</param>
    /// <param name="outcomes">Every evaluated user.</param>
    /// <param name="includesUser">Whether the slice has the user.</param>
    /// <param name="includesItem">Whether the slice has a relevant item; null for all.</param>
    /// <param name="metrics">The metrics.</param>
    /// <param name="pooledNegatives">The negatives of all users together (the AUC denominator's negative side).</param>
    /// <param name="bootstrap">The bootstrap options.</param>
    /// <param name="parallelOptions">Threading and cancellation.</param>
    public static SliceResult? Aggregate(
        Slice slice,
        int stream,
        UserOutcome[] outcomes,
        Func<int, bool> includesUser,
        Func<int, bool>? includesItem,
        IReadOnlyList<Metric> metrics,
        long pooledNegatives,
        BootstrapOptions bootstrap,
        ParallelOptions parallelOptions)
    {
        var metricCount = metrics.Count;
        var values = new List<double>();
        var weights = new List<double>();
        var cases = 0;
        var selected = new List<int>();
        foreach (var outcome in outcomes)
        {
            if (!includesUser(outcome.User))
            {
                continue;
            }

            selected.Clear();
            for (var k = 0; k < outcome.Items.Length; k++)
            {
                if (includesItem is null || includesItem(outcome.Items[k]))
                {
                    selected.Add(k);
                }
            }

            if (selected.Count == 0)
            {
                continue;
            }

            cases += selected.Count;
            var (ranks, grades) = SortedRanks(outcome, selected);
            foreach (var metric in metrics)
            {
                var (value, weight) = UserValue(metric, outcome, selected, ranks, grades, pooledNegatives);
                values.Add(value);
                weights.Add(weight);
            }
        }

        if (cases == 0)
        {
            return null;
        }

        var estimates = UserBootstrap.Estimate([.. values], [.. weights], metricCount, bootstrap, stream, parallelOptions);
        var byMetric = new Dictionary<Metric, MetricEstimate>(metricCount);
        for (var m = 0; m < metricCount; m++)
        {
            byMetric[metrics[m]] = estimates[m];
        }

        return new SliceResult(slice, values.Count / metricCount, cases, byMetric);
    }

    /// <summary>The selected relevant items' ranks, ascending, with their grades in the same order (empty when ungraded).</summary>
    private static (int[] Ranks, double[] Grades) SortedRanks(UserOutcome outcome, List<int> selected)
    {
        var ranks = new int[selected.Count];
        var grades = outcome.Grades is null ? [] : new double[selected.Count];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = outcome.Ranks[selected[i]];
            if (outcome.Grades is { } all)
            {
                grades[i] = all[selected[i]];
            }
        }

        if (grades.Length > 0)
        {
            Array.Sort(ranks, grades);
        }
        else
        {
            Array.Sort(ranks);
        }

        return (ranks, grades);
    }

    private static (double Value, double Weight) UserValue(Metric metric, UserOutcome outcome, List<int> selected, int[] sortedRanks, double[] grades, long pooledNegatives)
    {
        switch (metric.Kind)
        {
            case MetricKind.Gauc:
                return outcome.Negatives == 0
                    ? (double.NaN, 0)
                    : (SumOf(outcome.DoubledWins, selected) / (2.0 * selected.Count * outcome.Negatives), selected.Count);
            case MetricKind.Auc:
                return pooledNegatives == 0
                    ? (double.NaN, 0)
                    : (SumOf(outcome.PooledDoubledWins!, selected) / (2.0 * selected.Count * pooledNegatives), selected.Count);
            default:
                return (MetricFormulas.Value(metric, sortedRanks, grades, outcome.Candidates), 1);
        }
    }

    private static long SumOf(long[] counts, List<int> selected)
    {
        var sum = 0L;
        foreach (var k in selected)
        {
            sum += counts[k];
        }

        return sum;
    }
}

namespace LlmErs.Recommenders;

/// <summary>The metrics of one slice, with how many users and test cases they rest on.</summary>
public sealed class SliceResult
{
    internal SliceResult(Slice slice, int userCount, int testCaseCount, IReadOnlyDictionary<Metric, MetricEstimate> metrics)
    {
        Slice = slice;
        UserCount = userCount;
        TestCaseCount = testCaseCount;
        Metrics = metrics;
    }

    /// <summary>Which test cases these are.</summary>
    public Slice Slice { get; }

    /// <summary>The users with at least one test case in the slice: the unit of averaging and of resampling.</summary>
    public int UserCount { get; }

    /// <summary>The (user, relevant item) test cases in the slice.</summary>
    public int TestCaseCount { get; }

    /// <summary>Each metric's estimate; NaN where undefined (e.g. GAUC when no user has a negative).</summary>
    public IReadOnlyDictionary<Metric, MetricEstimate> Metrics { get; }

    /// <summary>The estimate of <paramref name="metric"/>.</summary>
    /// <exception cref="KeyNotFoundException">The metric was not computed; add it to <see cref="EvaluationOptions.Metrics"/>.</exception>
    public MetricEstimate this[Metric metric] =>
        Metrics.TryGetValue(metric, out var estimate)
            ? estimate
            : throw new KeyNotFoundException($"{metric} was not computed (computed: {string.Join(", ", Metrics.Keys)}); add it to EvaluationOptions.Metrics.");
}

using System.Globalization;
using System.Text;

namespace LlmErs.Recommenders;

/// <summary>
/// The outcome of one evaluation: the metrics overall and per slice, each with a bootstrap confidence interval and the
/// number of users and test cases behind it.
/// </summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(string description, EvaluationTarget target, IReadOnlyList<Metric> metrics, IReadOnlyList<SliceResult> slices, BootstrapOptions bootstrap, TimeSpan elapsed)
    {
        Description = description;
        Target = target;
        Metrics = metrics;
        Slices = slices;
        ConfidenceLevel = bootstrap.ConfidenceLevel;
        Resamples = bootstrap.Resamples;
        Elapsed = elapsed;
    }

    /// <summary>What was ranked against what, in words (protocol, candidates, masking).</summary>
    public string Description { get; }

    /// <summary>Which part of the split was scored.</summary>
    public EvaluationTarget Target { get; }

    /// <summary>The metrics computed, in the order asked for.</summary>
    public IReadOnlyList<Metric> Metrics { get; }

    /// <summary>
    /// Every non-empty slice: overall first, then item popularity (cold, long tail, head), then user history length
    /// (shortest first). Slices depend only on the data, so on one split every model reports the same slices.
    /// </summary>
    public IReadOnlyList<SliceResult> Slices { get; }

    /// <summary>All test cases.</summary>
    public SliceResult Overall => Slices[0];

    /// <summary>The confidence level of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The number of bootstrap resamples behind the intervals (0: no intervals).</summary>
    public int Resamples { get; }

    /// <summary>How long the evaluation took, scoring included.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The slice named <paramref name="name"/> in <paramref name="group"/>, or null when it has no test case.</summary>
    public SliceResult? FindSlice(SliceGroup group, string name) =>
        Slices.FirstOrDefault(s => s.Slice.Group == group && s.Slice.Name == name);

    /// <summary>
    /// A Markdown table: one row per slice (with its users and test cases), one column per metric showing the value
    /// and its interval, followed by the slice definitions.
    /// </summary>
    /// <param name="metrics">The columns; all computed metrics by default.</param>
    public string ToMarkdown(IReadOnlyList<Metric>? metrics = null)
    {
        metrics ??= Metrics;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Description}\n\n");
        text.Append("| Slice | Users | Cases |");
        foreach (var metric in metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $" {metric} |");
        }

        text.Append("\n|---|---:|---:|");
        text.Append(string.Concat(Enumerable.Repeat("---:|", metrics.Count)));
        text.Append('\n');
        foreach (var slice in Slices)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Label(slice.Slice)} | {slice.UserCount:N0} | {slice.TestCaseCount:N0} |");
            foreach (var metric in metrics)
            {
                text.Append(CultureInfo.InvariantCulture, $" {slice[metric]} |");
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"\nIntervals: {ConfidenceLevel * 100:0.#}% percentile bootstrap over users, {Resamples:N0} resamples.\n");
        foreach (var slice in Slices.Skip(1))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {Label(slice.Slice)}: {slice.Slice.Description}\n");
        }

        return text.ToString();
    }

    private static string Label(Slice slice) => slice.Group switch
    {
        SliceGroup.ItemPopularity => $"items: {slice.Name}",
        SliceGroup.UserHistory => $"users: {slice.Name}",
        _ => slice.Name,
    };
}

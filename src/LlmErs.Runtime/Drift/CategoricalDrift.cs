using System.Globalization;

namespace LlmErs;

/// <summary>PSI over the labels a field takes (strings, booleans); nulls are left to the null rate.</summary>
internal static class CategoricalDrift
{
    // Charts show the most common labels and fold the rest into one bar; the PSI uses every label.
    private const int ChartBuckets = 12;
    private const string Other = "(other)";

    public static (IReadOnlyList<DriftMetric>, DriftHistogram?) Compare(object?[] old, object?[] @new, DriftOptions options)
    {
        var (before, after, labels, psi) = Psi(Shares(old), Shares(@new));
        return ([DriftMetrics.AtLeast(DriftMetrics.Psi, psi, options.PsiWarn, options.PsiAlert)], Histogram("label", labels, before, after));
    }

    /// <summary>PSI between two label distributions, and the labels sorted most common first (then by name).</summary>
    public static (Dictionary<string, double> Before, Dictionary<string, double> After, List<string> Labels, double Psi) Psi(
        Dictionary<string, double> before, Dictionary<string, double> after)
    {
        var labels = before.Keys.Union(after.Keys).OrderByDescending(l => before.GetValueOrDefault(l) + after.GetValueOrDefault(l)).ThenBy(l => l, StringComparer.Ordinal).ToList();
        var psi = DriftStatistics.Psi([.. labels.Select(l => before.GetValueOrDefault(l))], [.. labels.Select(l => after.GetValueOrDefault(l))]);
        return (before, after, labels, psi);
    }

    /// <summary>Each label's share of the non-null values.</summary>
    public static Dictionary<string, double> Shares(IEnumerable<object?> values)
    {
        var labels = values.Select(Label).OfType<string>().ToList();
        return labels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.Count() / labels.Count, StringComparer.Ordinal);
    }

    /// <summary>Buckets for the most common labels and one for the rest, over labels sorted most common first.</summary>
    public static DriftHistogram Histogram(string title, IReadOnlyList<string> labels, Dictionary<string, double> before, Dictionary<string, double> after)
    {
        var shown = labels.Take(labels.Count > ChartBuckets ? ChartBuckets - 1 : ChartBuckets).ToList();
        var rest = labels.Skip(shown.Count).ToList();
        List<double> Bars(Dictionary<string, double> shares) =>
            [.. shown.Select(l => shares.GetValueOrDefault(l)), .. rest.Count > 0 ? [rest.Sum(l => shares.GetValueOrDefault(l))] : Array.Empty<double>()];
        return new DriftHistogram(title, [.. shown, .. rest.Count > 0 ? [Other] : Array.Empty<string>()], Bars(before), Bars(after));
    }

    private static string? Label(object? value) => value switch
    {
        null or "" => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

using System.Globalization;

namespace LlmErs;

/// <summary>Numbers, and texts as their word counts: the KS statistic, and PSI over quantile bins of the old run.</summary>
internal static class DistributionDrift
{
    public static (IReadOnlyList<DriftMetric>, DriftHistogram?) CompareNumbers(object?[] old, object?[] @new, DriftOptions options) =>
        Compare("value", [.. old.OfType<double>()], [.. @new.OfType<double>()], options);

    public static (IReadOnlyList<DriftMetric>, DriftHistogram?) CompareWordCounts(object?[] old, object?[] @new, DriftOptions options) =>
        Compare("word count", WordCounts(old), WordCounts(@new), options);

    private static double[] WordCounts(object?[] values) => [.. values.OfType<string>().Where(s => s.Length > 0).Select(s => (double)AnswerReader.CountWords(s))];

    private static (IReadOnlyList<DriftMetric>, DriftHistogram?) Compare(string title, double[] old, double[] @new, DriftOptions options)
    {
        if (old.Length == 0 || @new.Length == 0)
        {
            return ([], null);
        }

        Array.Sort(old);
        Array.Sort(@new);
        var edges = DriftStatistics.QuantileEdges(old, options.Bins);
        var before = DriftStatistics.Shares(old, edges);
        var after = DriftStatistics.Shares(@new, edges);
        var (ks, p) = DriftStatistics.KolmogorovSmirnov(old, @new);
        var name = title == "value" ? "" : $" ({title})";
        return (
            [DriftMetrics.AtLeast(DriftMetrics.Psi, DriftStatistics.Psi(before, after), options.PsiWarn, options.PsiAlert), DriftMetrics.Ks("KS" + name, ks, p, options),
             DriftMetrics.Shown("mean" + name, @new.Average() - old.Average(), old.Average(), @new.Average())],
            new DriftHistogram(title, Labels(edges), before, after));
    }

    private static string[] Labels(double[] edges)
    {
        static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
        return edges.Length == 0 ? ["all"] : [$"< {F(edges[0])}", .. edges.Skip(1).Select((e, i) => $"{F(edges[i])}–{F(e)}"), $"≥ {F(edges[^1])}"];
    }
}

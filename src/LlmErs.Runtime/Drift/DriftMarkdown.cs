using System.Globalization;
using System.Text;

namespace LlmErs;

/// <summary>The Markdown drift report.</summary>
internal static class DriftMarkdown
{
    public static string Render(DriftReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Drift between runs").AppendLine();
        md.AppendLine($"**{Verdict(report)}** (exit code {report.ExitCode})").AppendLine();
        md.AppendLine($"- Old: {Describe(report.Old)}");
        md.AppendLine($"- New: {Describe(report.New)}").AppendLine();
        if (report.Context.Count > 0)
        {
            md.AppendLine("Context from the manifests:").AppendLine();
            foreach (var line in report.Context)
            {
                md.AppendLine($"- {line}");
            }

            md.AppendLine();
        }

        md.AppendLine("| Field | Kind | Severity | Statistics |");
        md.AppendLine("|---|---|---|---|");
        foreach (var field in report.Fields)
        {
            md.AppendLine($"| {field.Name} | {field.Kind} | {Label(field.Severity)} | {string.Join(", ", field.Metrics.Where(Shown).Select(Describe))} |");
        }

        foreach (var field in report.Fields.Where(f => f.Notes.Count > 0))
        {
            md.AppendLine().Append($"{field.Name}: {string.Join("; ", field.Notes)}.");
        }

        return md.AppendLine().ToString();
    }

    // A rate that is zero in both runs says nothing; every other statistic is listed.
    private static bool Shown(DriftMetric metric) => metric.Old is null || metric.Old != 0 || metric.New != 0;

    private static string Describe(DriftMetric metric)
    {
        var mark = metric.Severity == DriftSeverity.None ? "" : $" **{Label(metric.Severity)}**";
        return metric.Old is { } old && metric.New is { } @new
            ? $"{metric.Name} {Number(old)} → {Number(@new)}{mark}"
            : $"{metric.Name} {Number(metric.Value)}{(metric.PValue is { } p ? $" (p {PValue(p)})" : "")}{mark}";
    }

    public static string Verdict(DriftReport report)
    {
        string Names(DriftSeverity severity) => string.Join(", ", report.Fields.Where(f => f.Severity == severity).Select(f => f.Name));
        return report.Severity switch
        {
            DriftSeverity.None => "No drift",
            DriftSeverity.Warn => $"Warning: {Names(DriftSeverity.Warn)}",
            _ when report.Fields.Any(f => f.Severity == DriftSeverity.Warn) => $"Alert: {Names(DriftSeverity.Alert)}; warning: {Names(DriftSeverity.Warn)}",
            _ => $"Alert: {Names(DriftSeverity.Alert)}",
        };
    }

    public static string Describe(DriftRunInfo run) =>
        $"{run.FeatureFile} ({run.Rows} rows{(run.RunId is null ? "" : $", run {run.RunId}")}{(run.CompletedAt is { } at ? $", completed {at:yyyy-MM-dd HH:mm:ss}Z" : "")})";

    public static string Label(DriftSeverity severity) => severity switch
    {
        DriftSeverity.None => "ok",
        DriftSeverity.Warn => "warn",
        _ => "ALERT",
    };

    public static string PValue(double p) => p.ToString(p < 0.001 ? "0.0E+0" : "0.###", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value switch
    {
        null => "",
        { } v when Math.Abs(v) >= 1000 || v == Math.Round(v) => v.ToString("0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}

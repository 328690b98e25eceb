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

        md.AppendLine("| Field | Kind | Severity | Statistic | Value | Old | New | Thresholds |");
        md.AppendLine("|---|---|---|---|---:|---:|---:|---|");
        foreach (var field in report.Fields)
        {
            foreach (var metric in field.Metrics)
            {
                md.AppendLine($"| {field.Name} | {field.Kind} | {Label(metric.Severity)} | {metric.Name} | {Number(metric.Value)} | {Number(metric.Old)} | {Number(metric.New)} | {metric.Rule} |");
            }
        }

        foreach (var field in report.Fields.Where(f => f.Notes.Count > 0))
        {
            md.AppendLine().Append($"{field.Name}: {string.Join("; ", field.Notes)}.");
        }

        return md.AppendLine().ToString();
    }

    public static string Verdict(DriftReport report) => report.Severity switch
    {
        DriftSeverity.None => "No drift",
        DriftSeverity.Warn => $"Warning: {string.Join(", ", report.Fields.Where(f => f.Severity == DriftSeverity.Warn).Select(f => f.Name))} drifted",
        _ => $"Alert: {string.Join(", ", report.Fields.Where(f => f.Severity == DriftSeverity.Alert).Select(f => f.Name))} drifted",
    };

    public static string Describe(DriftRunInfo run) =>
        $"{run.FeatureFile} ({run.Rows} rows{(run.RunId is null ? "" : $", run {run.RunId}")}{(run.CompletedAt is { } at ? $", completed {at:yyyy-MM-dd HH:mm:ss}Z" : "")})";

    public static string Label(DriftSeverity severity) => severity switch
    {
        DriftSeverity.None => "ok",
        DriftSeverity.Warn => "warn",
        _ => "ALERT",
    };

    public static string Number(double? value) => value switch
    {
        null => "",
        { } v when Math.Abs(v) >= 1000 || v == Math.Round(v) => v.ToString("0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}

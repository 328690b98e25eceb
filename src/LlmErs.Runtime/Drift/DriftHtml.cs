using System.Net;
using System.Text;

namespace LlmErs;

/// <summary>The HTML drift report: one self-contained page, styles and SVG inline, no scripts.</summary>
internal static class DriftHtml
{
    public static string Render(DriftReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Drift between runs</title><style>")
            .Append("body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}")
            .Append(".ok{color:#1b7837}.warn{color:#b8860b}.ALERT{color:#c0392b;font-weight:bold}</style></head><body>")
            .Append("<h1>Drift between runs</h1>")
            .Append($"<p class='{DriftMarkdown.Label(report.Severity)}'><b>{E(DriftMarkdown.Verdict(report))}</b> (exit code {report.ExitCode})</p>")
            .Append($"<ul><li>Old: {E(DriftMarkdown.Describe(report.Old))}</li><li>New: {E(DriftMarkdown.Describe(report.New))}</li></ul>");
        if (report.Context.Count > 0)
        {
            html.Append("<h2>Context from the manifests</h2><ul>");
            foreach (var line in report.Context)
            {
                html.Append($"<li>{E(line)}</li>");
            }

            html.Append("</ul>");
        }

        var bars = report.Fields.Where(f => f.Psi is not null).Select(f => (f.Name, f.Psi!.Value, f.Severity)).ToList();
        if (bars.Count > 0)
        {
            html.Append("<h2>PSI per field</h2>").Append(DriftSvg.PsiBars(bars, report.Options));
        }

        foreach (var field in report.Fields)
        {
            html.Append($"<h2>{E(field.Name)} <small>({field.Kind}, <span class='{DriftMarkdown.Label(field.Severity)}'>{DriftMarkdown.Label(field.Severity)}</span>)</small></h2>");
            html.Append("<table><tr><th>Statistic</th><th>Value</th><th>Old</th><th>New</th><th>p-value</th><th>Severity</th><th>Thresholds</th></tr>");
            foreach (var m in field.Metrics)
            {
                html.Append($"<tr><td>{E(m.Name)}</td><td>{DriftMarkdown.Number(m.Value)}</td><td>{DriftMarkdown.Number(m.Old)}</td><td>{DriftMarkdown.Number(m.New)}</td><td>{(m.PValue is { } p ? DriftMarkdown.PValue(p) : "")}</td>")
                    .Append($"<td class='{DriftMarkdown.Label(m.Severity)}'>{DriftMarkdown.Label(m.Severity)}</td><td>{E(m.Rule ?? "")}</td></tr>");
            }

            html.Append("</table>");
            foreach (var note in field.Notes)
            {
                html.Append($"<p>{E(note)}</p>");
            }

            if (field.Histogram is { } histogram)
            {
                html.Append($"<p>{E(histogram.Title)}: {DriftSvg.Legend()}</p>").Append(DriftSvg.Histogram(histogram));
            }
        }

        return html.Append("</body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

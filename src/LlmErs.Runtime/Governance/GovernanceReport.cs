using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LlmErs;

/// <summary>
/// What the governance gates did in an <see cref="OfflinePipeline{TItem}"/> run: per gate and field, the values quarantined,
/// the review decisions applied, and examples. The pipeline writes it beside the manifest as <c>governance.json</c> and
/// <c>governance.md</c>.
/// </summary>
public sealed class GovernanceReport
{
    private const int ExamplesPerGate = 3;

    /// <summary>The gates that ran, in order.</summary>
    public required IReadOnlyList<string> Gates { get; init; }

    /// <summary>Per gate and field, in the order findings were made.</summary>
    public required IReadOnlyList<GateSummary> Summaries { get; init; }

    /// <summary>The sampled fact checks, per gate and field, with their violation rates and intervals.</summary>
    public required IReadOnlyList<FactCheckResult> FactChecks { get; init; }

    /// <summary>Whether every fact check's upper bound is within its threshold.</summary>
    public bool Passed => FactChecks.All(f => f.Passed);

    /// <summary>The review file read and rewritten, relative to the output directory.</summary>
    public required string ReviewFile { get; init; }

    /// <summary>Lines of the review file that could not be applied (with their line numbers); empty when all were.</summary>
    public required IReadOnlyList<string> ReviewErrors { get; init; }

    /// <summary>Values still quarantined after review.</summary>
    public int StillQuarantined => Summaries.Sum(s => s.Quarantined - s.Accepted - s.Replaced);

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJsonContext.Default.GovernanceReport);

    /// <summary>The report as Markdown: a table per gate and field, then examples and review errors.</summary>
    public string ToMarkdown()
    {
        var builder = new StringBuilder("# Governance report\n\n");
        builder.Append(CultureInfo.InvariantCulture, $"Gates, in order: {(Gates.Count == 0 ? "none" : string.Join(", ", Gates))}. Review file: `{ReviewFile}`.\n\n");
        if (Summaries.Count == 0)
        {
            builder.Append("No value was quarantined.\n");
        }
        else
        {
            builder.Append("| Gate | Field | Quarantined | Accepted | Replaced | Rejected |\n|---|---|---:|---:|---:|---:|\n");
            foreach (var s in Summaries)
            {
                builder.Append(CultureInfo.InvariantCulture, $"| {s.Gate} | {s.Field} | {s.Quarantined} | {s.Accepted} | {s.Replaced} | {s.Rejected} |\n");
            }

            builder.Append("\n## Examples\n\n");
            foreach (var finding in Summaries.SelectMany(s => s.Examples))
            {
                builder.Append(CultureInfo.InvariantCulture, $"- `{finding.Item}` {finding.Field} ({finding.Gate}): {finding.Evidence} — {Cut(finding.Value.ToString())}\n");
            }
        }

        if (FactChecks.Count > 0)
        {
            builder.Append("\n## Fact checks\n\n| Field | Sampled | Judged | Violations | Rate | Wilson 95% | Max | Passed |\n|---|---:|---:|---:|---:|---|---:|---|\n");
            foreach (var f in FactChecks)
            {
                builder.Append(CultureInfo.InvariantCulture,
                    $"| {f.Field} | {f.Sampled} | {f.Judged} | {f.Violations} | {f.Rate:F3} | [{f.Low:F3}, {f.High:F3}] | {(f.MaxViolationRate is { } max ? max.ToString("F3", CultureInfo.InvariantCulture) : "—")} | {(f.Passed ? "yes" : "**no**")} |\n");
            }
        }

        if (ReviewErrors.Count > 0)
        {
            builder.Append("\n## Review file errors\n\n");
            foreach (var error in ReviewErrors)
            {
                builder.Append("- ").Append(error).Append('\n');
            }
        }

        return builder.ToString();

        static string Cut(string text) => text.Length > 160 ? $"{text[..159]}…" : text;
    }

    internal static GovernanceReport Create<TItem>(
        IReadOnlyList<IPipelineGate<TItem>> gates, IReadOnlyList<PipelineItem<TItem>> rows, string reviewFile, IReadOnlyList<string> reviewErrors)
        where TItem : IEnrichable<TItem>
    {
        var summaries = rows.SelectMany(r => r.Findings)
            .GroupBy(f => (f.Gate, f.Field))
            .Select(g => new GateSummary(
                g.Key.Gate, g.Key.Field, g.Count(),
                g.Count(f => f.Decision == ReviewDecision.Accept),
                g.Count(f => f.Decision == ReviewDecision.Replace),
                g.Count(f => f.Decision == ReviewDecision.Reject),
                [.. g.Take(ExamplesPerGate)]))
            .ToList();
        return new GovernanceReport
        {
            Gates = [.. gates.Select(g => g.Name)],
            Summaries = summaries,
            FactChecks = [.. gates.OfType<FactCheckGate<TItem>>().SelectMany(g => g.Results)],
            ReviewFile = reviewFile,
            ReviewErrors = reviewErrors,
        };
    }
}

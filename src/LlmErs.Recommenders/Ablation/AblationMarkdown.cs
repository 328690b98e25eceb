using System.Globalization;
using System.Text;

namespace LlmErs.Recommenders;

/// <summary>Writes the Markdown tables of an <see cref="AblationResult"/>.</summary>
internal static class AblationMarkdown
{
    /// <summary>Marks a row or a metric that an <see cref="AblationWarning"/> concerns.</summary>
    public const string Mark = " ⚠";

    public static string Write(AblationResult result)
    {
        var text = new StringBuilder();
        var first = result.Metrics[0];
        foreach (var table in result.Tables)
        {
            Append(text, $"### {table.Title}\n\n");
            var evaluation = table.Evaluation(result.Rows[0])!;
            var sample = table.Select(result.Rows[0]);
            if (sample is null)
            {
                Append(text, $"No test case falls in this view.\n\n");
                continue;
            }

            Append(text, $"{evaluation.Description}");
            if (sample.Slice.Group != SliceGroup.Overall)
            {
                Append(text, $" Only the test cases of {sample.Slice.Description}.");
            }

            Append(text, $" {sample.UserCount:N0} users, {sample.TestCaseCount:N0} test cases; {evaluation.ConfidenceLevel * 100:0.#}% percentile bootstrap intervals over users, {evaluation.Resamples:N0} resamples.\n\n");
            Append(text, $"| Model | Features |");
            foreach (var metric in result.Metrics)
            {
                var trivial = result.Warnings.Any(warning => warning.Table == table.Key && warning.Metric == metric);
                Append(text, $" {metric}{(trivial ? Mark : "")} |");
            }

            var reference = result.Reference is null ? null : table.Select(result.Reference);
            if (reference is not null)
            {
                Append(text, $" Δ {first} vs {result.Reference!.Name} |");
            }

            Append(text, $"\n|---|---|{string.Concat(Enumerable.Repeat("---:|", result.Metrics.Count + (reference is null ? 0 : 1)))}\n");
            foreach (var row in result.Rows)
            {
                var slice = table.Select(row);
                var flagged = result.Warnings.Any(warning => warning.Row == row.Name);
                Append(text, $"| {row.Name}{(flagged ? Mark : "")} | {Features(row, result)} |");
                foreach (var metric in result.Metrics)
                {
                    Append(text, $" {(slice is null ? "—" : slice[metric].ToString())} |");
                }

                if (reference is not null)
                {
                    Append(text, $" {RelativeChange(slice?[first].Value, reference[first].Value)} |");
                }

                Append(text, $"\n");
            }

            Append(text, $"\n");
        }

        if (result.Warnings.Count > 0)
        {
            Append(text, $"**Warnings** ({Mark.Trim()} in the tables):\n\n");
            foreach (var warning in result.Warnings)
            {
                Append(text, $"- {warning.Message}\n");
            }

            Append(text, $"\n");
        }

        return text.ToString();
    }

    /// <summary>The relative change in percent, signed, or a dash when it is undefined.</summary>
    internal static string RelativeChange(double? value, double reference) =>
        value is { } v && reference > 0 && double.IsFinite(v)
            ? ((v - reference) / reference).ToString("+0.0%;−0.0%;0.0%", CultureInfo.InvariantCulture)
            : "—";

    private static string Features(AblationRow row, AblationResult result) =>
        row.Blocks.Count == 0 ? "—"
        : row.Blocks.Count == result.Blocks.Count ? "all"
        : string.Join(", ", row.Blocks);

    private static void Append(StringBuilder text, FormattableString value) => text.Append(value.ToString(CultureInfo.InvariantCulture));
}

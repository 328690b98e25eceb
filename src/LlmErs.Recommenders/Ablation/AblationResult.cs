using System.Text;
using System.Text.Json;

namespace LlmErs.Recommenders;

/// <summary>
/// The rows of one ablation run, with the reports made from them: Markdown tables (<see cref="ToMarkdown"/>), JSON
/// (<see cref="ToJson"/>) and an SVG chart of the first metric by item popularity (<see cref="ToSvgChart"/>).
/// </summary>
public sealed class AblationResult
{
    internal AblationResult(SplitProtocol protocol, IReadOnlyList<string> blocks, IReadOnlyList<AblationRow> rows, IReadOnlyList<Metric> metrics, string? reference, IReadOnlyList<AblationWarning> warnings)
    {
        Warnings = warnings;
        Protocol = protocol;
        Blocks = blocks;
        Rows = rows;
        Metrics = metrics;
        Reference = reference is null ? null : rows.First(row => row.Name == reference);
        Tables = AblationTable.For(protocol);
    }

    /// <summary>How the split was made; a cold-item split has both of its rankings in every row.</summary>
    public SplitProtocol Protocol { get; }

    /// <summary>The names of every feature block, in the order given.</summary>
    public IReadOnlyList<string> Blocks { get; }

    /// <summary>The rows: each model in the order of <see cref="AblationOptions.Models"/>, an enhanced one followed by its removed-block rows.</summary>
    public IReadOnlyList<AblationRow> Rows { get; }

    /// <summary>The metrics of the tables, in column order.</summary>
    public IReadOnlyList<Metric> Metrics { get; }

    /// <summary>The row every other is compared with, or <see langword="null"/> for none.</summary>
    public AblationRow? Reference { get; }

    /// <summary>What makes part of the results misleading (untrained rows, trivial cut-offs); marked ⚠ in the tables and listed under them.</summary>
    public IReadOnlyList<AblationWarning> Warnings { get; }

    internal IReadOnlyList<AblationTable> Tables { get; }

    /// <summary>The row named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No row has that name.</exception>
    public AblationRow this[string name] =>
        Rows.FirstOrDefault(row => row.Name == name)
        ?? throw new KeyNotFoundException($"No row is named '{name}'; the rows are {string.Join(", ", Rows.Select(row => $"'{row.Name}'"))}.");

    /// <summary>
    /// Markdown: one table per view of the protocol (overall and cold items; or, for a cold-item split, among withheld
    /// and among all items), one row per model, each metric with its confidence interval, and the relative change of
    /// the first metric against <see cref="Reference"/>.
    /// </summary>
    public string ToMarkdown() => AblationMarkdown.Write(this);

    /// <summary>Everything in the tables, plus every slice and the training history of each row, as indented JSON.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the JSON of <see cref="ToJson"/> as one value, e.g. a property of a larger document.</summary>
    public void WriteJson(Utf8JsonWriter writer) => AblationJson.Write(this, writer);

    /// <summary>
    /// A self-contained SVG bar chart of the first metric overall and per item-popularity bucket (cold, long tail,
    /// head), one bar with its confidence interval per baseline and enhanced variant (removed-block rows stay in the tables).
    /// </summary>
    public string ToSvgChart() => AblationChart.Write(this);
}

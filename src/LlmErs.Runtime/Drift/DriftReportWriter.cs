using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LlmErs;

/// <summary>Renders a <see cref="DriftReport"/> as Markdown, JSON or self-contained HTML (inline SVG charts, no scripts).</summary>
public static class DriftReportWriter
{
    // The report is read by people too: keep "≥" and quotes readable rather than \u-escaped.
    private static readonly JsonTypeInfo<DriftReport> s_json = (JsonTypeInfo<DriftReport>)new JsonSerializerOptions(DriftJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(DriftReport));

    /// <summary>The file names <see cref="WriteAsync"/> uses.</summary>
    public const string MarkdownFileName = "drift.md", JsonFileName = "drift.json", HtmlFileName = "drift.html";

    /// <summary>The report as Markdown: a summary line, the context, a table of every field's statistics.</summary>
    public static string ToMarkdown(DriftReport report) => DriftMarkdown.Render(report ?? throw new ArgumentNullException(nameof(report)));

    /// <summary>The report as indented JSON (camelCase, enums as strings).</summary>
    public static string ToJson(DriftReport report) => JsonSerializer.Serialize(report ?? throw new ArgumentNullException(nameof(report)), s_json);

    /// <summary>The report as one HTML page: a bar chart of PSI per field, then each field's statistics and its distribution old vs new.</summary>
    public static string ToHtml(DriftReport report) => DriftHtml.Render(report ?? throw new ArgumentNullException(nameof(report)));

    /// <summary>Writes <c>drift.md</c>, <c>drift.json</c> and <c>drift.html</c> into <paramref name="directory"/>, creating it.</summary>
    public static async Task WriteAsync(DriftReport report, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, MarkdownFileName), ToMarkdown(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, JsonFileName), ToJson(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, HtmlFileName), ToHtml(report), cancellationToken).ConfigureAwait(false);
    }
}

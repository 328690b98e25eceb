namespace LlmErs;

/// <summary>
/// How item data is cleaned and bounded before it enters a prompt. Hygiene applies to each value a field's template
/// interpolates (each <c>{{ }}</c> output), never to the template's own text: every value is converted from HTML
/// (optional), stripped of control characters, cut to its token budget and sent inline between <c>&lt;item&gt;</c> and
/// <c>&lt;/item&gt;</c>.
/// </summary>
public sealed class PromptHygieneOptions
{
    /// <summary>Whether to turn HTML in item values into plain text (for catalogs scraped from web pages). Default <see langword="false"/>.</summary>
    public bool ConvertHtmlToText { get; set; }

    /// <summary>
    /// The token budget of each input: one interpolated value, after cleaning and before its delimiters. A longer value
    /// is cut at the budget, and the field's outcome records the truncation. Default 1,000 (o200k tokens).
    /// </summary>
    public int MaxInputTokens { get; set; } = 1_000;

    /// <summary>
    /// Budgets that replace <see cref="MaxInputTokens"/> for the inputs of single fields, keyed by field (property) name.
    /// </summary>
    public IDictionary<string, int> FieldTokenBudgets { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// The last guard on a whole prompt as sent, the template's text and every delimited input together: it bounds
    /// templates that loop over long lists, where each value fits its own budget but their number is unbounded. A longer
    /// prompt is cut at the budget (a data block left open is closed) and the truncation recorded. Default 8,000.
    /// </summary>
    public int MaxPromptTokens { get; set; } = 8_000;
}

namespace LlmErs.Hygiene;

/// <summary>How item text is cleaned before it enters a prompt.</summary>
public sealed class PromptHygieneOptions
{
    /// <summary>Whether to turn HTML in rendered prompts into plain text (for catalogs scraped from web pages). Default <see langword="false"/>.</summary>
    public bool ConvertHtmlToText { get; set; }

    /// <summary>
    /// The token budget of each field's rendered prompt, item data included. A longer prompt is cut at the budget and the
    /// field's outcome records the truncation. Default 4,000 (o200k tokens).
    /// </summary>
    public int MaxPromptTokens { get; set; } = 4_000;

    /// <summary>Budgets that replace <see cref="MaxPromptTokens"/> for single fields, keyed by field (property) name.</summary>
    public IDictionary<string, int> FieldTokenBudgets { get; } = new Dictionary<string, int>(StringComparer.Ordinal);
}

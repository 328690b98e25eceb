using System.Text;

namespace LlmErs;

/// <summary>
/// Cleans one text value. The catalog loader and <see cref="CatalogCleaner{T}"/> apply it to source members once, so
/// prompts, embedding texts, feature files and the serving store all read the same clean text; prompt hygiene and
/// the embedding stage apply its HTML and control-character steps again to each rendered input, which leaves clean
/// text unchanged.
/// </summary>
public static class TextCleaner
{
    /// <summary>
    /// Applies <paramref name="steps"/> to <paramref name="text"/> in a fixed order: HTML, control characters,
    /// normalization, whitespace. Clean text is returned as the same instance.
    /// </summary>
    public static string Clean(string text, CleanText steps)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (steps.HasFlag(CleanText.Html))
        {
            text = HtmlText.ToText(text);
        }

        if (steps.HasFlag(CleanText.ControlCharacters))
        {
            text = ControlCharacters.Strip(text);
        }

        if (steps.HasFlag(CleanText.Normalize) && !text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        if (steps.HasFlag(CleanText.Whitespace))
        {
            var collapsed = HtmlText.CollapseWhitespace(new StringBuilder(text));
            text = collapsed == text ? text : collapsed;
        }

        return text;
    }
}

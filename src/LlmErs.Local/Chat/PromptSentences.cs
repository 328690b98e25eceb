using System.Text.RegularExpressions;

namespace LlmErs.Local;

/// <summary>The sentences of a prompt: split after '.', '!' or '?' and at line breaks, trimmed, those without a letter or digit left out.</summary>
internal static partial class PromptSentences
{
    public static List<string> Of(string text) =>
        [.. SentenceBoundary().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0 && s.Any(char.IsLetterOrDigit))];

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();
}

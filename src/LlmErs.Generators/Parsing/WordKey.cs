using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// A word-list entry as the runtime's word matcher reads it: NFKC-normalized, lower-cased, split into words (runs of
/// letters, digits and marks; each Han or kana character a word of its own), joined by single spaces. Keep it in step
/// with <c>LlmErs.WordMatcher</c>.
/// </summary>
internal static class WordKey
{
    public static string Of(string entry)
    {
        var text = entry.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsIdeograph(c))
            {
                Flush();
                words.Add(c.ToString());
            }
            else if (IsWordChar(c))
            {
                word.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return string.Join(" ", words);

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    private static bool IsIdeograph(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };
}

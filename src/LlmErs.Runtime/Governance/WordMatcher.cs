using System.Globalization;
using System.Text;

namespace LlmErs;

/// <summary>
/// Finds a field's blocked words in a text. Text and entries are read the same way: NFKC-normalized (so fullwidth
/// "Ｂad" reads "bad"), lower-cased, and split into words — runs of letters, digits and marks, each Han or kana character
/// a word of its own, since those scripts do not separate words with spaces. An entry matches as a whole run of words,
/// so "bad" matches "BAD." but not "badge", and "very bad" matches only the phrase. The generator's <c>WordKey</c>
/// reads entries the same way; keep the two in step.
/// </summary>
internal sealed class WordMatcher
{
    private readonly string[][] _blocked;
    private readonly string[][] _allowed;

    public WordMatcher(WordRules rules)
    {
        _blocked = [.. rules.BlockedWords.Select(Words).Where(w => w.Length > 0)];
        _allowed = [.. rules.AllowedWords.Select(Words).Where(w => w.Length > 0)];
    }

    /// <summary>The first blocked entry in <paramref name="text"/> (as normalized words) that no allowed phrase covers; <see langword="null"/> when none.</summary>
    public string? FindBlocked(string text)
    {
        var words = Words(text);
        foreach (var blocked in _blocked)
        {
            for (var start = IndexOf(words, blocked, 0); start >= 0; start = IndexOf(words, blocked, start + 1))
            {
                if (!IsAllowed(words, start, blocked.Length))
                {
                    return string.Join(' ', blocked);
                }
            }
        }

        return null;
    }

    /// <summary>The words of <paramref name="text"/>, normalized as the matcher compares them.</summary>
    public static string[] Words(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (IsIdeograph(c))
            {
                Flush(i);
                words.Add(c.ToString());
            }
            else if (IsWordChar(c))
            {
                start = start < 0 ? i : start;
            }
            else
            {
                Flush(i);
            }
        }

        Flush(normalized.Length);
        return [.. words];

        void Flush(int end)
        {
            if (start >= 0)
            {
                words.Add(normalized[start..end]);
                start = -1;
            }
        }
    }

    private bool IsAllowed(string[] words, int start, int length)
    {
        foreach (var allowed in _allowed)
        {
            // An allowed phrase covers the match when one of its occurrences spans [start, start + length).
            for (var from = Math.Max(0, start + length - allowed.Length); from <= start; from++)
            {
                if (Matches(words, allowed, from))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int IndexOf(string[] words, string[] phrase, int from)
    {
        for (var i = from; i + phrase.Length <= words.Length; i++)
        {
            if (Matches(words, phrase, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Matches(string[] words, string[] phrase, int at)
    {
        if (at < 0 || at + phrase.Length > words.Length)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            if (!string.Equals(words[at + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdeograph(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsWordChar(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}

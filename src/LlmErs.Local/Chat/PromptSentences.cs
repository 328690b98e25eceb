using System.Collections.Frozen;

namespace LlmErs.Local;

/// <summary>
/// The sentences of a prompt: split after '.', '!' or '?' followed by white space, and at line breaks; trimmed, those
/// without a letter or digit left out. A full stop inside parentheses or brackets, or one that ends an initial, an
/// acronym or a common abbreviation ("J.", "L.A.", "a.k.a.", "Dr.", "vs."), ends no sentence: item data is full of them
/// ("M*A*S*H (a.k.a. MASH)"), and a cut there leaves fragments that a summary would show.
/// </summary>
internal static class PromptSentences
{
    // Abbreviations that precede a name or a number far more often than they end a sentence.
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "vol", "inc", "ltd", "mt", "ft", "lt", "sgt", "capt", "prof");

    public static List<string> Of(string text)
    {
        var sentences = new List<string>();
        var (start, depth) = (0, 0);
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\n' or '\r':
                    Add(sentences, text[start..i]);
                    (start, depth) = (i + 1, 0);
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '.' or '!' or '?' when depth == 0 && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !(text[i] == '.' && EndsAbbreviation(text, i)):
                    Add(sentences, text[start..(i + 1)]);
                    start = i + 1;
                    break;
            }
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    private static void Add(List<string> sentences, string candidate)
    {
        var sentence = candidate.Trim();
        if (sentence.Any(char.IsLetterOrDigit))
        {
            sentences.Add(sentence);
        }
    }

    /// <summary>Whether the full stop at <paramref name="stop"/> ends an initial or acronym (letters each followed by a stop) or a listed abbreviation.</summary>
    private static bool EndsAbbreviation(string text, int stop)
    {
        var first = stop;
        while (first > 0 && (char.IsLetter(text[first - 1]) || text[first - 1] == '.'))
        {
            first--;
        }

        var word = text[first..stop];
        if (word.Length == 0)
        {
            return false;
        }

        var parts = word.Split('.');
        return parts.All(part => part.Length == 1) || (parts.Length == 1 && Abbreviations.Contains(word));
    }
}

using System.Buffers;
using System.Text;

namespace LlmErs;

/// <summary>
/// Removes characters that carry no visible text but can hide or reorder instructions inside item data: C0/C1 controls
/// (tabs and line feeds are kept; carriage returns become line feeds) and the Unicode bidirectional overrides, isolates
/// and marks.
/// </summary>
internal static class ControlCharacters
{
    // Every character that is removed or rewritten; a vectorized search skips clean text at memory speed.
    private static readonly SearchValues<char> s_special = SearchValues.Create(
        [
            .. Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not '\n' and not '\t'),
            .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
            .. "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C",
        ]);

    public static string Strip(string text)
    {
        var first = text.AsSpan().IndexOfAny(s_special);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // "\r\n" keeps its "\n"; a lone "\r" becomes one.
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    builder.Append('\n');
                }
            }
            else if (!s_special.Contains(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

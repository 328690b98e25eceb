using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LlmErs;

/// <summary>
/// Turns HTML fragments (catalog descriptions scraped from web pages) into plain text: scripts, styles and comments are
/// dropped, block elements become line breaks, other tags disappear, entities are decoded and runs of spaces collapse.
/// </summary>
internal static partial class HtmlText
{
    public static string ToText(string html)
    {
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0)
        {
            return html;
        }

        var text = Invisible().Replace(html, " ");
        text = BlockBoundary().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return CollapseWhitespace(text);
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingNewLine = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                pendingNewLine = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
            }
            else
            {
                if (builder.Length > 0 && (pendingNewLine || pendingSpace))
                {
                    builder.Append(pendingNewLine ? '\n' : ' ');
                }

                pendingSpace = pendingNewLine = false;
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<\s*(br|/?p|/?div|/?li|/?ul|/?ol|/?tr|/?h[1-6]|/?blockquote|/?section|/?article|/?table)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}

using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LlmErs;

/// <summary>
/// Turns HTML fragments (catalog descriptions scraped from web pages) into plain text with an HTML5 parser, so markup
/// that regular expressions miss is handled as browsers handle it: an unterminated tag at the end
/// (<c>&lt;span class="a-size-medium"</c>) vanishes, entities are decoded, scripts, styles and comments are dropped,
/// block elements become line breaks and runs of spaces collapse. Text without <c>&lt;</c> or <c>&amp;</c> is returned
/// as is, without parsing.
/// </summary>
internal static class HtmlText
{
    // A parser keeps per-parse state; one per thread lets the engine's concurrent fields share none.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    private static readonly HashSet<string> s_invisible = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript" };

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "table",
    };

    public static string ToText(string html)
    {
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0)
        {
            return html;
        }

        // A fragment in a <body> context: a stray <title> or <meta> stays text-bearing body content, not document head.
        var parser = t_parser ??= new HtmlParser();
        var document = parser.ParseDocument(string.Empty);
        var nodes = parser.ParseFragment(html, document.Body!);
        var builder = new StringBuilder(html.Length);
        foreach (var node in nodes)
        {
            Append(node, builder);
        }

        return CollapseWhitespace(builder);
    }

    private static void Append(INode node, StringBuilder builder)
    {
        switch (node)
        {
            case IText text:
                builder.Append(text.Data);
                break;
            case IElement element when !s_invisible.Contains(element.LocalName):
                var block = s_blocks.Contains(element.LocalName);
                if (block)
                {
                    builder.Append('\n');
                }

                foreach (var child in element.ChildNodes)
                {
                    Append(child, builder);
                }

                if (block)
                {
                    builder.Append('\n');
                }

                break;
        }
    }

    /// <summary>Runs of whitespace become one space, or one line break when they hold one; both ends are trimmed.</summary>
    internal static string CollapseWhitespace(StringBuilder text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingNewLine = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
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
        }

        return builder.ToString();
    }
}

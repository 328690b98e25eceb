using Microsoft.CodeAnalysis.Text;

namespace LlmErs.Generators.Tests.Infrastructure;

/// <summary>Source with one span marked as <c>[|…|]</c>: where a diagnostic is expected.</summary>
internal sealed record Markup(string Source, TextSpan Span)
{
    public static Markup Parse(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("Mark the expected location with [| and |].", nameof(markup));
        }

        var source = markup.Remove(end, 2).Remove(start, 2);
        return new Markup(source, TextSpan.FromBounds(start, end - 2));
    }
}

using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LlmErs.Generators.Shared;

/// <summary>An equatable stand-in for <see cref="Location"/>, which pipeline models must not hold.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());

    /// <summary>A sub-span of a location inside the same file (e.g. a bad token inside a template literal).</summary>
    public static LocationInfo? Within(SyntaxTree tree, int start, int length)
    {
        var span = new TextSpan(start, Math.Max(0, length));
        return new LocationInfo(tree.FilePath, span, tree.GetLineSpan(span).Span);
    }
}

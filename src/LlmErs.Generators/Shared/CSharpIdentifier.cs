using Microsoft.CodeAnalysis.CSharp;

namespace LlmErs.Generators.Shared;

/// <summary>Writes names taken from user code as C# identifiers.</summary>
internal static class CSharpIdentifier
{
    /// <summary>
    /// A symbol's name has lost the <c>@</c> of <c>@class</c>, so a keyword must get it back; contextual keywords are
    /// escaped too, because <c>@</c> is harmless on any identifier and some (<c>field</c>, <c>value</c>) change meaning
    /// inside accessors.
    /// </summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}

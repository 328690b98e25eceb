using System.Linq;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Shared;

/// <summary>An equatable diagnostic, reported by the generator's diagnostics pipeline.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor, location, messageArgs.ToEquatableArray());

    /// <summary>
    /// Re-attaches the location to its syntax tree: only a source location is checked against the tree's
    /// <c>#pragma warning</c> table, while a location rebuilt from a file path is not.
    /// </summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        var tree = Location is null ? null : compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == Location.FilePath);
        var location = tree is not null && Location!.TextSpan.End <= tree.Length
            ? Microsoft.CodeAnalysis.Location.Create(tree, Location.TextSpan)
            : Location?.ToLocation();
        return Diagnostic.Create(Descriptor, location, MessageArgs.Cast<object?>().ToArray());
    }
}

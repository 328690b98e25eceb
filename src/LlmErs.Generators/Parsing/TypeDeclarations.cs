using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LlmErs.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmErs.Generators.Parsing;

/// <summary>The header a generated partial declaration repeats: <c>class</c>, <c>record</c>, <c>struct</c>… and the name.</summary>
internal static class TypeDeclarations
{
    public static TypeDeclarationSpec Of(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var keyword = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault() switch
        {
            RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
            StructDeclarationSyntax => "struct",
            InterfaceDeclarationSyntax => "interface",
            _ => "class",
        };
        return new TypeDeclarationSpec(keyword, type.Name);
    }

    /// <summary>The namespace to re-open, with keywords escaped (<c>@event</c>); null for the global namespace.</summary>
    public static string? Namespace(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "") : null;

    /// <summary>The types enclosing <paramref name="type"/>, outermost first.</summary>
    public static List<INamedTypeSymbol> Enclosing(INamedTypeSymbol type)
    {
        var result = new List<INamedTypeSymbol>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            result.Insert(0, outer);
        }

        return result;
    }

    /// <summary>Whether any declaration of <paramref name="type"/> is <c>partial</c>, so generated code can add to it.</summary>
    public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));
}

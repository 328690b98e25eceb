using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Parsing;

/// <summary>Whether generated code can read a member from an item (<c>item.Name</c>), and why not.</summary>
internal static class MemberUsability
{
    public const string ReadAdvice = "generated code reads it from each item, so make it an instance member with a get accessor that the generated code can access (not private to another type)";

    /// <summary>Why code inside <paramref name="within"/> cannot read <paramref name="member"/> from an instance of <paramref name="through"/>, or null.</summary>
    public static string? Problem(ISymbol member, INamedTypeSymbol within, ITypeSymbol through, Compilation compilation)
    {
        if (member.IsStatic)
        {
            return "static";
        }

        if (member is IPropertySymbol { IsIndexer: true })
        {
            return "an indexer";
        }

        if (member is IPropertySymbol { GetMethod: null })
        {
            return "write-only";
        }

        var reader = member is IPropertySymbol property ? property.GetMethod! : member;
        return compilation.IsSymbolAccessibleWithin(reader, within, through) ? null : $"not accessible from '{within.Name}'";
    }

    /// <summary>The property or field <c>item.Name</c> binds to: declared on the type or inherited from a base class.</summary>
    public static ISymbol? Find(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol or IFieldSymbol)
                {
                    return member;
                }
            }
        }

        return null;
    }
}

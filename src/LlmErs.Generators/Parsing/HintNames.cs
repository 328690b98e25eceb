using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// Hint names of generated files. The driver throws on a character it does not accept and on a name used twice
/// (compared ignoring case: <c>Movie</c> and <c>movie</c> clash), and a throwing generator loses all its output. So a
/// name is the metadata name (no <c>@</c>, arity kept) reduced to safe characters, plus a hash of the exact key.
/// </summary>
internal static class HintNames
{
    public static string ForType(INamedTypeSymbol type) => Create(Key(type), ".LlmErs.g.cs");

    /// <summary>The parameter types tell overloads apart.</summary>
    public static string ForScorer(IMethodSymbol method) => Create(Key(method), ".LlmErsScorer.g.cs");

    /// <summary>
    /// Whether the type owns its name: types defined twice (the compiler's CS0101) share a key, so only the first
    /// is generated.
    /// </summary>
    public static bool Owns(INamedTypeSymbol type) =>
        type.ContainingSymbol is not INamespaceOrTypeSymbol container
        || container.GetTypeMembers(type.Name, type.Arity).FirstOrDefault(t => Key(t) == Key(type)) is not { } first
        || first.Equals(type, SymbolEqualityComparer.Default);

    /// <summary>The same for a method defined twice with one signature (CS0111).</summary>
    public static bool Owns(IMethodSymbol method) =>
        method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().FirstOrDefault(m => Key(m) == Key(method)) is not { } first
        || first.Equals(method, SymbolEqualityComparer.Default);

    private static string Key(IMethodSymbol method) =>
        $"{Key(method.ContainingType)}.{method.MetadataName}({string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString()))})";

    /// <summary>Namespaces joined by '.', nested types by '+', as in reflection, so that no two types share a key.</summary>
    private static string Key(INamedTypeSymbol type)
    {
        var key = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            key = outer.MetadataName + "+" + key;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? key : ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "").Replace("@", "") + "." + key;
    }

    private static string Create(string key, string suffix) => Sanitize(key) + "." + Hash(key) + suffix;

    /// <summary>ASCII letters, digits, '_' and '.' only; every other run of characters becomes one '_'.</summary>
    private static string Sanitize(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            var safe = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.';
            if (safe)
            {
                builder.Append(c);
            }
            else if (builder.Length == 0 || builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().Trim('_');
    }

    /// <summary>FNV-1a: <c>string.GetHashCode</c> differs between processes, and hint names must not.</summary>
    private static string Hash(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}

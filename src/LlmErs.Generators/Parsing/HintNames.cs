using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// Hint names of generated files. <c>AddSource</c> throws on a character it does not accept and on a name used twice,
/// and a throwing generator loses all its output; so names come from metadata names (no <c>@</c>, arity kept), are
/// reduced to safe characters, and carry a hash of the exact key whenever that reduction lost information.
/// </summary>
internal static class HintNames
{
    public static string ForType(INamedTypeSymbol type) => Create(Key(type), ".LlmErs.g.cs");

    /// <summary>The parameter types tell overloads apart.</summary>
    public static string ForScorer(IMethodSymbol method) =>
        Create($"{Key(method.ContainingType)}.{method.MetadataName}({string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString()))})",
            ".LlmErsScorer.g.cs");

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

    private static string Create(string key, string suffix)
    {
        var readable = Sanitize(key);
        return (readable == key ? readable : readable + "." + Hash(key)) + suffix;
    }

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

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// Reads an attribute's arguments defensively: an argument of the wrong type (which the compiler reports itself)
/// reads as absent, so half-typed code never throws here.
/// </summary>
internal sealed class AttributeReader(AttributeData data)
{
    public AttributeData Data { get; } = data;

    public AttributeSyntax? Syntax { get; } = data.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;

    /// <summary>
    /// Whether the compiler rejects an argument (wrong type, unknown name, missing constructor). Reading such an
    /// argument yields a fallback, so checks on it would contradict the source: callers skip them.
    /// </summary>
    public bool IsMalformed =>
        Data.AttributeConstructor is null
        || Data.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || Data.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error)
        || (Syntax is not null && (Syntax.ArgumentList?.Arguments.Count(a => a.NameEquals is not null) ?? 0) != Data.NamedArguments.Length);

    /// <summary>Whether the named argument is written (and well-formed).</summary>
    public bool Has(string name) => Named(name) is not null;

    public string? ConstructorString(int index) =>
        index < Data.ConstructorArguments.Length && Data.ConstructorArguments[index] is { Kind: TypedConstantKind.Primitive, Value: string s }
            ? s
            : null;

    public ExpressionSyntax? ConstructorArgumentSyntax(int index) =>
        Syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ElementAtOrDefault(index)?.Expression;

    public ExpressionSyntax? NamedArgumentSyntax(string name) =>
        Syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;

    public string? String(string name) => Named(name) is { Kind: TypedConstantKind.Primitive, Value: string s } ? s : null;

    public bool Bool(string name, bool fallback) => Named(name) is { Kind: TypedConstantKind.Primitive, Value: bool b } ? b : fallback;

    public int Int(string name, int fallback) => Named(name) is { Kind: TypedConstantKind.Primitive, Value: int i } ? i : fallback;

    public double Double(string name, double fallback) => Named(name) switch
    {
        { Kind: TypedConstantKind.Primitive, Value: double d } => d,
        { Kind: TypedConstantKind.Primitive, Value: int i } => i,
        _ => fallback,
    };

    /// <summary>A string array argument; null entries stay, so that indices match the written elements.</summary>
    public IReadOnlyList<string?> Strings(string name) =>
        Named(name) is { Kind: TypedConstantKind.Array, IsNull: false } array
            ? array.Values.Select(v => v.Value as string).ToList()
            : [];

    /// <summary>The syntax of the <paramref name="index"/>th element of an array-valued named argument, if written inline.</summary>
    public ExpressionSyntax? ElementSyntax(string name, int index)
    {
        var elements = NamedArgumentSyntax(name) switch
        {
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
            ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
            _ => Enumerable.Empty<ExpressionSyntax>(),
        };
        return elements.ElementAtOrDefault(index);
    }

    private TypedConstant? Named(string name)
    {
        foreach (var pair in Data.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind != TypedConstantKind.Error)
            {
                return pair.Value;
            }
        }

        return null;
    }
}

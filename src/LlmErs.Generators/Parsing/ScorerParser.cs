using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmErs.Generators.Parsing;

/// <summary>The transform step for [Scorer] methods: one method symbol in, an equatable <see cref="ScorerModel"/> out.</summary>
internal static class ScorerParser
{
    public static ScorerModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax)
        {
            return new ScorerModel(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var spec = ParseMethod(method, syntax, diagnostics, cancellationToken);
        return new ScorerModel(diagnostics.Count == 0 ? spec : null, diagnostics.ToEquatableArray());
    }

    private static ScorerSpec? ParseMethod(IMethodSymbol method, MethodDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var location = LocationInfo.From(syntax.Identifier);
        var containing = TypeDeclarations.Enclosing(method.ContainingType);
        containing.Add(method.ContainingType);

        var problem = ShapeProblem(method, syntax, containing, cancellationToken);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadScorerSignature, location, method.Name, problem));
            return null;
        }

        var query = method.Parameters[0];
        var item = method.Parameters[1];
        var similarities = new List<SimilarityTerm>();
        var features = new List<FeatureTerm>();
        foreach (var attribute in method.GetAttributes())
        {
            var reader = new AttributeReader(attribute);
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case KnownNames.Similarity:
                    if (Similarity(method, reader, query.Type, item.Type, diagnostics) is { } similarity)
                    {
                        similarities.Add(similarity);
                    }

                    break;
                case KnownNames.FeatureWeight:
                    if (Feature(method, reader, item.Type, diagnostics) is { } feature)
                    {
                        features.Add(feature);
                    }

                    break;
            }
        }

        if (similarities.Count + features.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyScorer, location, method.Name));
        }

        var declaring = method.ContainingType;
        return new ScorerSpec(
            declaring.ContainingNamespace.IsGlobalNamespace ? null : declaring.ContainingNamespace.ToDisplayString(),
            containing.Select(t => TypeDeclarations.Of(t, cancellationToken)).ToEquatableArray(),
            declaring.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "") + "." + method.Name + ".LlmErsScorer.g.cs",
            string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
            method.Name,
            query.Type.ToDisplayString(TypeShapes.FullyQualified),
            query.Name,
            item.Type.ToDisplayString(TypeShapes.FullyQualified),
            item.Name,
            similarities.ToEquatableArray(),
            features.ToEquatableArray());
    }

    /// <summary>Why the method cannot be implemented, or null.</summary>
    private static string? ShapeProblem(IMethodSymbol method, MethodDeclarationSyntax syntax, List<INamedTypeSymbol> containing, CancellationToken cancellationToken)
    {
        if (!method.IsStatic || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || syntax.Body is not null || syntax.ExpressionBody is not null)
        {
            return "declare it static and partial, without a body";
        }

        if (method.ReturnType.SpecialType != SpecialType.System_Single)
        {
            return "it must return float";
        }

        if (method.Parameters.Length != 2 || method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return "it must take exactly two parameters, the query and the item";
        }

        if (method.IsGenericMethod || containing.Any(t => t.IsGenericType))
        {
            return "neither it nor its types may be generic";
        }

        var notPartial = containing.FirstOrDefault(t => !TypeDeclarations.IsPartial(t, cancellationToken));
        return notPartial is null ? null : $"declare '{notPartial.Name}' partial";
    }

    private static SimilarityTerm? Similarity(IMethodSymbol method, AttributeReader reader, ITypeSymbol queryType, ITypeSymbol itemType, List<DiagnosticInfo> diagnostics)
    {
        var queryName = reader.ConstructorString(0);
        var itemName = reader.ConstructorString(1);
        if (queryName is null || itemName is null)
        {
            return null;
        }

        var queryDimensions = EmbeddingDimensions(queryType, queryName);
        var itemDimensions = EmbeddingDimensions(itemType, itemName);
        if (queryDimensions is null || itemDimensions is null)
        {
            var (name, type, index) = queryDimensions is null ? (queryName, queryType, 0) : (itemName, itemType, 1);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadScorerTerm,
                LocationInfo.From(reader.ConstructorArgumentSyntax(index)) ?? LocationInfo.From(reader.Syntax),
                "Similarity", method.Name, name, "an [Embedding] property", type.Name));
            return null;
        }

        if (queryDimensions != itemDimensions)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScorerDimensionMismatch, LocationInfo.From(reader.Syntax),
                method.Name, $"{queryType.Name}.{queryName}", Invariant(queryDimensions.Value), $"{itemType.Name}.{itemName}", Invariant(itemDimensions.Value)));
            return null;
        }

        return new SimilarityTerm(queryName, $"{queryType.Name}.{queryName}", itemName, $"{itemType.Name}.{itemName}", queryDimensions.Value, reader.Double("Weight", 1));
    }

    private static FeatureTerm? Feature(IMethodSymbol method, AttributeReader reader, ITypeSymbol itemType, List<DiagnosticInfo> diagnostics)
    {
        var name = reader.ConstructorString(0);
        if (name is null || reader.Data.ConstructorArguments.Length < 2 || reader.Data.ConstructorArguments[1].Value is not double weight)
        {
            return null;
        }

        var memberType = itemType.GetMembers(name)
            .Select(m => m switch { IPropertySymbol { IsStatic: false } p => p.Type, IFieldSymbol { IsStatic: false } f => f.Type, _ => null })
            .FirstOrDefault(t => t is not null);
        var nullable = memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        var underlying = nullable ? ((INamedTypeSymbol)memberType!).TypeArguments[0] : memberType;
        var isBoolean = underlying?.SpecialType == SpecialType.System_Boolean;
        if (underlying is null || (!isBoolean && !IsNumber(underlying.SpecialType)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadScorerTerm,
                LocationInfo.From(reader.ConstructorArgumentSyntax(0)) ?? LocationInfo.From(reader.Syntax),
                "FeatureWeight", method.Name, name, "a numeric or boolean member", itemType.Name));
            return null;
        }

        return new FeatureTerm(name, isBoolean, nullable, weight);
    }

    private static int? EmbeddingDimensions(ITypeSymbol type, string member)
    {
        var property = type.GetMembers(member).OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic);
        var embedding = property?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Embedding);
        if (property is null || embedding is null || !TypeShapes.Fits(FieldKindSpec.Embedding, property.Type))
        {
            return null;
        }

        var dimensions = new AttributeReader(embedding).Int("Dimensions", 0);
        return dimensions > 0 ? dimensions : null;
    }

    private static bool IsNumber(SpecialType type) => type is SpecialType.System_Byte or SpecialType.System_SByte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Decimal;

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

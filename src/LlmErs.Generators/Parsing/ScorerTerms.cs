using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Parsing;

/// <summary>Checks the [Similarity] and [FeatureWeight] terms of one scorer and builds them.</summary>
internal sealed class ScorerTerms(IMethodSymbol method, Compilation compilation, List<DiagnosticInfo> diagnostics)
{
    private readonly ITypeSymbol _queryType = method.Parameters[0].Type;
    private readonly ITypeSymbol _itemType = method.Parameters[1].Type;

    public SimilarityTerm? Similarity(AttributeReader reader)
    {
        var queryName = reader.ConstructorString(0);
        var itemName = reader.ConstructorString(1);
        if (queryName is null || itemName is null || reader.IsMalformed)
        {
            return null;
        }

        var queryDimensions = EmbeddingDimensions(reader, 0, _queryType, queryName);
        var itemDimensions = EmbeddingDimensions(reader, 1, _itemType, itemName);
        if (queryDimensions is not > 0 || itemDimensions is not > 0)
        {
            return null;
        }

        if (queryDimensions != itemDimensions)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScorerDimensionMismatch, LocationInfo.From(reader.Syntax),
                method.Name, $"{_queryType.Name}.{queryName}", Invariant(queryDimensions.Value), $"{_itemType.Name}.{itemName}", Invariant(itemDimensions.Value)));
            return null;
        }

        var weight = reader.Double("Weight", 1);
        if (!IsFiniteFloat(weight))
        {
            BadWeight("Similarity", LocationInfo.From(reader.NamedArgumentSyntax("Weight")?.Parent), reader, weight);
            return null;
        }

        return new SimilarityTerm(queryName, $"{_queryType.Name}.{queryName}", itemName, $"{_itemType.Name}.{itemName}", queryDimensions.Value, weight);
    }

    public FeatureTerm? Feature(AttributeReader reader)
    {
        var name = reader.ConstructorString(0);
        if (name is null || reader.IsMalformed || _itemType.TypeKind == TypeKind.Error
            || reader.Data.ConstructorArguments.Length < 2 || reader.Data.ConstructorArguments[1].Value is not double weight)
        {
            return null;
        }

        var member = MemberUsability.Find(_itemType, name);
        var memberType = member switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
        var nullable = memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        var underlying = nullable ? ((INamedTypeSymbol)memberType!).TypeArguments[0] : memberType;
        var isBoolean = underlying?.SpecialType == SpecialType.System_Boolean;
        if (member is null || underlying is null || (!isBoolean && !IsNumber(underlying.SpecialType)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadScorerTerm, ArgumentLocation(reader, 0),
                "FeatureWeight", method.Name, name, "a numeric or boolean member", _itemType.Name));
            return null;
        }

        if (!Usable(member, _itemType, reader, 0, "[FeatureWeight] member"))
        {
            return null;
        }

        if (!IsFiniteFloat(weight))
        {
            BadWeight("FeatureWeight", ArgumentLocation(reader, 1), reader, weight);
            return null;
        }

        return new FeatureTerm(name, isBoolean, nullable, weight);
    }

    /// <summary>
    /// The vector size of an [Embedding] property; 0 (and no diagnostic here) when its Dimensions are themselves
    /// wrong, which its own declaration reports; null when reported here or when the type is unknown (the
    /// compiler's error).
    /// </summary>
    private int? EmbeddingDimensions(AttributeReader reader, int index, ITypeSymbol type, string name)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var property = MemberUsability.Find(type, name) as IPropertySymbol;
        var embedding = property?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Embedding);
        if (property is null || embedding is null || !TypeShapes.Fits(FieldKindSpec.Embedding, property.Type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadScorerTerm, ArgumentLocation(reader, index),
                "Similarity", method.Name, name, "an [Embedding] property", type.Name));
            return null;
        }

        if (!Usable(property, type, reader, index, "[Similarity] member"))
        {
            return null;
        }

        var dimensions = new AttributeReader(embedding).Int("Dimensions", 0);
        return dimensions is >= 1 and <= 65536 ? dimensions : 0;
    }

    private bool Usable(ISymbol member, ITypeSymbol through, AttributeReader reader, int index, string role)
    {
        if (MemberUsability.Problem(member, method.ContainingType, through, compilation) is not { } problem)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableMember, ArgumentLocation(reader, index), role, member.Name, problem, MemberUsability.ReadAdvice));
        return false;
    }

    private void BadWeight(string attribute, LocationInfo? location, AttributeReader reader, double weight) =>
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadScorerWeight, location ?? LocationInfo.From(reader.Syntax),
            attribute, method.Name, weight.ToString("R", CultureInfo.InvariantCulture)));

    private static LocationInfo? ArgumentLocation(AttributeReader reader, int index) =>
        LocationInfo.From(reader.ConstructorArgumentSyntax(index)) ?? LocationInfo.From(reader.Syntax);

    /// <summary>Weights are written as float literals: a double beyond float's range would become <c>Infinityf</c>.</summary>
    private static bool IsFiniteFloat(double value) => !double.IsNaN(value) && Math.Abs(value) <= float.MaxValue;

    private static bool IsNumber(SpecialType type) => type is SpecialType.System_Byte or SpecialType.System_SByte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Decimal;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

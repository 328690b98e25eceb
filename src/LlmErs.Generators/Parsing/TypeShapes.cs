using System.Linq;
using LlmErs.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Parsing;

/// <summary>Which CLR types each field kind accepts.</summary>
internal static class TypeShapes
{
    public static readonly SymbolDisplayFormat FullyQualified =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>What to write in the message when the type does not fit.</summary>
    public static string Expected(FieldKindSpec kind) => kind switch
    {
        FieldKindSpec.Text or FieldKindSpec.Correction => "'string?'",
        FieldKindSpec.Tags => "'IReadOnlyList<string>'",
        FieldKindSpec.Value => "bool, int, long, double, string or an enum (nullable to allow \"unknown\")",
        FieldKindSpec.Normalized => "'string' (or 'string?' to allow \"unknown\")",
        FieldKindSpec.Embedding => "'ReadOnlyMemory<float>'",
        FieldKindSpec.Triples => "'IReadOnlyList<KgTriple>'",
        _ => "'LlmErs.SemanticId'",
    };

    public static bool Fits(FieldKindSpec kind, ITypeSymbol type) => kind switch
    {
        FieldKindSpec.Text or FieldKindSpec.Normalized or FieldKindSpec.Correction => type.SpecialType == SpecialType.System_String,
        FieldKindSpec.Tags => type is INamedTypeSymbol { TypeArguments.Length: 1 } named
                              && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T
                              && named.TypeArguments[0].SpecialType == SpecialType.System_String,
        FieldKindSpec.Triples => IsTripleList(type),
        FieldKindSpec.Value => ValueKindOf(type, out _) != ValueKind.None,
        FieldKindSpec.Embedding => type is INamedTypeSymbol { TypeArguments.Length: 1 } memory
                                   && memory.OriginalDefinition.ToDisplayString() == "System.ReadOnlyMemory<T>"
                                   && memory.TypeArguments[0].SpecialType == SpecialType.System_Single,
        _ => type.ToDisplayString() == KnownNames.SemanticId,
    };

    /// <summary>Whether <paramref name="type"/> is <c>IReadOnlyList&lt;LlmErs.KgTriple&gt;</c>, the shape of triples and of the triples a correction checks.</summary>
    public static bool IsTripleList(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } named
        && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T
        && named.TypeArguments[0].ToDisplayString() == KnownNames.KgTriple;

    /// <summary>The answer shape of an [LlmValue] property; <paramref name="nullable"/> when it may be "unknown".</summary>
    public static ValueKind ValueKindOf(ITypeSymbol type, out bool nullable)
    {
        nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }

        return type.SpecialType switch
        {
            SpecialType.System_Boolean => ValueKind.Boolean,
            SpecialType.System_Int32 => ValueKind.Int32,
            SpecialType.System_Int64 => ValueKind.Int64,
            SpecialType.System_Double => ValueKind.Double,
            SpecialType.System_String => ValueKind.String,
            _ when type.TypeKind == TypeKind.Enum => ValueKind.Enum,
            _ => ValueKind.None,
        };
    }

    /// <summary>The enum under an optional <c>Nullable&lt;&gt;</c>.</summary>
    public static INamedTypeSymbol? EnumOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
        }

        return type.TypeKind == TypeKind.Enum ? type as INamedTypeSymbol : null;
    }

    /// <summary>The names the model chooses from: one per distinct value (aliases would make the answer ambiguous).</summary>
    public static string[] EnumMemberNames(INamedTypeSymbol enumType) =>
        enumType.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.IsConst && f.HasConstantValue)
            .GroupBy(f => f.ConstantValue)
            .Select(g => g.First().Name)
            .ToArray();

    public static KeyKind? KeyKindOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => KeyKind.String,
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 => KeyKind.Integer,
        _ when type.ToDisplayString() == "System.Guid" => KeyKind.Guid,
        _ => null,
    };

    /// <summary>
    /// The initial value of a backing field, so a non-nullable property never reads null. A reference type the field
    /// kind does not support (reported as LLMERS0003) gets <c>default!</c>, which keeps CS8618 out of generated code.
    /// </summary>
    public static string? BackingFieldInitializer(ITypeSymbol type)
    {
        if (!type.IsReferenceType || type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            return null;
        }

        return type.SpecialType == SpecialType.System_String
            ? "\"\""
            : type is INamedTypeSymbol { TypeArguments.Length: 1 } list && list.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T
                ? $"global::System.Array.Empty<{list.TypeArguments[0].ToDisplayString(FullyQualified)}>()"
                : "default!";
    }
}

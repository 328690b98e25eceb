using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Templates;

/// <summary>Classifies a member's CLR type into the <see cref="ValueShape"/> that decides how it renders.</summary>
internal static class ValueShapes
{
    public static ValueShape Of(ITypeSymbol type)
    {
        var underlying = Underlying(type);
        if (!ReferenceEquals(underlying, type))
        {
            return Of(underlying).AsNullable();
        }

        var nullness = type.IsValueType ? Nullness.Never : Nullness.Reference;
        var number = NumberOf(type.SpecialType);
        if (number != NumberKind.None)
        {
            return new ValueShape(ShapeKind.Number, nullness, number);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return new ValueShape(ShapeKind.String, nullness);
            case SpecialType.System_Char:
                return new ValueShape(ShapeKind.Char, nullness);
            case SpecialType.System_Boolean:
                return new ValueShape(ShapeKind.Bool, nullness);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return new ValueShape(ShapeKind.Enum, nullness);
        }

        if (ElementType(type) is { } element)
        {
            return new ValueShape(ShapeKind.Collection, nullness, Element: Of(element));
        }

        return new ValueShape(IsUserObject(type) ? ShapeKind.Object : ShapeKind.Opaque, nullness);
    }

    /// <summary>The <c>T</c> of a <c>Nullable&lt;T&gt;</c>, else the type itself: what members and items are read from.</summary>
    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>The <c>T</c> of a rank-1 array or of the single <c>IEnumerable&lt;T&gt;</c> a non-dictionary type implements.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol type)
    {
        type = Underlying(type);
        if (type is IArrayTypeSymbol array)
        {
            return array.Rank == 1 ? array.ElementType : null;
        }

        if (type.SpecialType == SpecialType.System_String || IsDictionary(type))
        {
            return null;
        }

        var elements = Implemented(type)
            .Where(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            .Select(i => i.TypeArguments[0])
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();
        return elements.Count == 1 ? elements[0] : null;
    }

    private static NumberKind NumberOf(SpecialType type) => type switch
    {
        SpecialType.System_SByte => NumberKind.SByte,
        SpecialType.System_Byte => NumberKind.Byte,
        SpecialType.System_Int16 => NumberKind.Int16,
        SpecialType.System_UInt16 => NumberKind.UInt16,
        SpecialType.System_Int32 => NumberKind.Int32,
        SpecialType.System_UInt32 => NumberKind.UInt32,
        SpecialType.System_Int64 => NumberKind.Int64,
        SpecialType.System_UInt64 => NumberKind.UInt64,
        SpecialType.System_Single => NumberKind.Single,
        SpecialType.System_Double => NumberKind.Double,
        SpecialType.System_Decimal => NumberKind.Decimal,
        _ => NumberKind.None,
    };

    // Scriban reads dictionaries by key rather than by member and iterates them as key/value pairs.
    private static bool IsDictionary(ITypeSymbol type) => Implemented(type).Any(i =>
        i.ToDisplayString() == "System.Collections.IDictionary"
        || i.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.IDictionary<TKey, TValue>"
            or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>");

    /// <summary>
    /// A class or struct of the user's own whose members Scriban reads by reflection. BCL types (DateTime, Guid,
    /// ReadOnlyMemory…) are left out: Scriban formats or walks them in ways LlmErs does not reproduce.
    /// </summary>
    private static bool IsUserObject(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Struct
        && type.SpecialType == SpecialType.None
        && !type.IsRefLikeType
        && !IsInSystemNamespace(type)
        && !Implemented(type).Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    private static bool IsInSystemNamespace(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: false, Name: "System" };
    }

    private static IEnumerable<INamedTypeSymbol> Implemented(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self ? type.AllInterfaces.Prepend(self) : type.AllInterfaces;
}

using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Model;

/// <summary>Everything the emitter needs to implement one [Enrichable] type; holds no symbols.</summary>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="Properties">
/// The partial properties to implement. They are implemented even when the type has errors, so that the user sees
/// the LlmErs diagnostic rather than a cascade of "partial property has no implementation".
/// </param>
/// <param name="Key">The key; null when the type has errors, in which case no enrichment model is emitted.</param>
/// <param name="Fields">Derived fields in dependency order.</param>
internal sealed record EnrichableTypeSpec(
    string? Namespace,
    EquatableArray<TypeDeclarationSpec> ContainingTypes,
    TypeDeclarationSpec Type,
    string FullyQualifiedName,
    string HintName,
    EquatableArray<PropertySpec> Properties,
    KeySpec? Key,
    EquatableArray<FieldSpec> Fields);

/// <summary>A type declaration header, e.g. keyword <c>record</c> and name <c>Movie</c>.</summary>
internal sealed record TypeDeclarationSpec(string Keyword, string Name);

/// <summary>The [ItemKey] member.</summary>
internal sealed record KeySpec(string MemberName, KeyKind Kind, bool Nullable);

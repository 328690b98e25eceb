using LlmErs.Generators.Shared;
using LlmErs.Generators.Templates;

namespace LlmErs.Generators.Model;

/// <summary>
/// One derived field, fully checked. Kind-specific options that do not apply stay at their defaults;
/// one flat record keeps the pipeline model simple and equatable.
/// </summary>
internal sealed record FieldSpec(
    PropertySpec Property,
    FieldKindSpec Kind,
    TemplateSpec? Template,
    string? JsonSchema,
    string Fingerprint,
    EquatableArray<string> DependsOn,
    string? Instructions,
    string? Description,
    FieldOptions Options);

/// <summary>The options of a field; which apply depends on its kind.</summary>
internal sealed record FieldOptions(
    int MaxWords = 0,
    EquatableArray<string> Vocabulary = default,
    int MinCount = 0,
    int MaxCount = 0,
    ValueKind ValueKind = ValueKind.None,
    bool Nullable = false,
    double Minimum = double.NaN,
    double Maximum = double.NaN,
    string? EnumType = null,
    int Dimensions = 0,
    string? Source = null,
    int Levels = 0,
    int Codes = 0,
    EquatableArray<string> BlockedWords = default,
    EquatableArray<string> AllowedWords = default,
    EquatableArray<string> BlockedWordLists = default,
    EquatableArray<string> AllowedWordLists = default,
    string? Images = null,
    EquatableArray<RelationSpec> Relations = default);

/// <summary>A relation of a triples field and the entities its tails are normalized to.</summary>
/// <summary>A triples relation: its vocabulary, or (<paramref name="Catalog"/>) the catalog's items, which the run supplies.</summary>
internal sealed record RelationSpec(string Name, EquatableArray<string> Entities, bool Catalog = false);

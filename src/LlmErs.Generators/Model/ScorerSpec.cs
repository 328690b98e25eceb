using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Model;

/// <summary>A [Scorer] method to implement; holds no symbols.</summary>
/// <param name="ContainingTypes">The declaring type and its enclosing types, outermost first.</param>
/// <param name="DisplayName">The method as a user reads it, to name it in a diagnostic.</param>
internal sealed record ScorerSpec(
    string? Namespace,
    EquatableArray<TypeDeclarationSpec> ContainingTypes,
    string HintName,
    string DisplayName,
    string Modifiers,
    string Name,
    string QueryType,
    string QueryParameter,
    string ItemType,
    string ItemParameter,
    EquatableArray<SimilarityTerm> Similarities,
    EquatableArray<FeatureTerm> Features);

/// <summary><c>Weight × dot(query.QueryMember, item.ItemMember)</c> over vectors of <c>Dimensions</c> values.</summary>
internal sealed record SimilarityTerm(string QueryMember, string QueryLabel, string ItemMember, string ItemLabel, int Dimensions, double Weight);

/// <summary><c>Weight × item.ItemMember</c> as a float.</summary>
internal sealed record FeatureTerm(string ItemMember, bool IsBoolean, bool IsNullable, double Weight);

/// <summary>The result of parsing one [Scorer] method.</summary>
internal sealed record ScorerModel(ScorerSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

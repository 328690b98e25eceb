using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Model;

/// <summary>The result of parsing one [Enrichable] type: a spec to emit (unless errors) and its diagnostics.</summary>
internal sealed record TypeModel(EnrichableTypeSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

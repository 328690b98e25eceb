namespace LlmErs.Generators.Model;

/// <summary>Mirrors <c>LlmErs.FieldKind</c>; the generator cannot reference the runtime assembly.</summary>
internal enum FieldKindSpec
{
    Text,
    Tags,
    Value,
    Normalized,
    Embedding,
    SemanticId,
    Correction,
    Triples,
}

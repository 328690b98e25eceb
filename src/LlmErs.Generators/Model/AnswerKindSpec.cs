namespace LlmErs.Generators.Model;

/// <summary>Mirrors <c>LlmErs.AnswerKind</c>; the generator cannot reference the runtime assembly.</summary>
internal enum AnswerKindSpec
{
    Text,
    Tags,
    Choice,
    Boolean,
    Integer,
    Number,
    String,
    Triples,
    TripleVerdicts,
}

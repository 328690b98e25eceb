namespace LlmErs.Generators.Model;

/// <summary>The CLR shape of an <c>[LlmValue]</c> answer.</summary>
internal enum ValueKind
{
    None,
    Boolean,
    Int32,
    Int64,
    Double,
    String,
    Enum,
}

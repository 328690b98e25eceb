namespace LlmErs.Generators.Model;

/// <summary>How an <c>[ItemKey]</c> member is formatted into the string key.</summary>
internal enum KeyKind
{
    String,
    Integer,
    Guid,
}

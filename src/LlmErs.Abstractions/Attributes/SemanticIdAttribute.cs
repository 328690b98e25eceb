namespace LlmErs;

/// <summary>
/// A semantic ID: the codes of a residual quantization of an embedding field, so that similar items share prefixes.
/// Applies to a <c>partial SemanticId</c> property.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SemanticIdAttribute(string source) : Attribute
{
    /// <summary>The name of the <see cref="EmbeddingAttribute"/> property that is quantized.</summary>
    public string Source { get; } = source;

    /// <summary>Number of quantization levels (1–16). Default 3.</summary>
    public int Levels { get; set; } = 3;

    /// <summary>Codebook size per level (2–65536). Default 256.</summary>
    public int Codes { get; set; } = 256;
}

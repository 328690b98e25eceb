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

    /// <summary>Number of quantization levels (1–16). Default 0: chosen by the runtime, 4 (<c>SemanticIdSize.ForCatalog</c>).</summary>
    public int Levels { get; set; }

    /// <summary>
    /// Codebook size per level (2–65536). Default 0: chosen from the catalog size when the codebook is first trained, the
    /// smallest power of two that offers 64 code tuples per item (<c>SemanticIdSize.ForCatalog</c>), so that few items
    /// share all their codes before de-duplication.
    /// </summary>
    public int Codes { get; set; }
}

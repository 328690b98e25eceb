namespace LlmErs;

/// <summary>
/// A dense vector computed by an embedding model from a Scriban template over the item, which may use
/// LLM-derived fields. Applies to a <c>partial ReadOnlyMemory&lt;float&gt;</c> property.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class EmbeddingAttribute(string template) : Attribute
{
    /// <summary>The Scriban template of the text to embed.</summary>
    public string Template { get; } = template;

    /// <summary>The vector's dimension; the embedding model must produce exactly this many values.</summary>
    public int Dimensions { get; set; }
}

namespace LlmErs;

/// <summary>
/// A dense vector computed by an embedding model from a Scriban template over the item, which may use
/// LLM-derived fields. Applies to a <c>partial ReadOnlyMemory&lt;float&gt;</c> property.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class EmbeddingAttribute(string template) : Attribute
{
    /// <summary>Declares an image embedding: set <see cref="Images"/> to the member whose image is embedded.</summary>
    public EmbeddingAttribute()
        : this("")
    {
    }

    /// <summary>The Scriban template of the text to embed; empty for an image embedding.</summary>
    public string Template { get; } = template;

    /// <summary>
    /// The item member whose image is embedded instead of a text (<c>[Embedding(Images = nameof(Poster), Dimensions = 512)]</c>),
    /// by an image embedding generator (<c>IEmbeddingGenerator&lt;DataContent, Embedding&lt;float&gt;&gt;</c>, e.g.
    /// LlmErs.Local's ResNet18): the same member types as <see cref="LlmFieldAttribute.Images"/>; the first image counts.
    /// Declare either a template or <see cref="Images"/>.
    /// </summary>
    public string? Images { get; set; }

    /// <summary>The vector's dimension; the embedding model must produce exactly this many values.</summary>
    public int Dimensions { get; set; }
}

namespace LlmErs;

/// <summary>A vector field: a text rendered from the item, embedded by a model of fixed <see cref="Dimensions"/>.</summary>
public abstract class EmbeddingField<T> : DerivedField<T>
{
    /// <summary>Creates the field description.</summary>
    protected EmbeddingField(string name, string fingerprint, IReadOnlyList<string> dependsOn, int dimensions)
        : base(name, FieldKind.Embedding, fingerprint, dependsOn)
    {
        Dimensions = dimensions;
    }

    /// <summary>The vector's declared dimension.</summary>
    public int Dimensions { get; }

    /// <summary>Renders the text to embed; compiled from the Scriban template at build time.</summary>
    public abstract string RenderText(T item);

    /// <summary>
    /// Renders the text to embed with each interpolated value passed through <paramref name="encoder"/> (the template's
    /// literal text is written as is). With a <see langword="null"/> encoder the result is <see cref="RenderText(T)"/>'s.
    /// Generated fields encode every <c>{{ }}</c> output separately; this base implementation, for fields written by
    /// hand, encodes the whole rendered text as one input named after the field.
    /// </summary>
    public virtual string RenderText(T item, IPromptInputEncoder? encoder)
    {
        var text = RenderText(item);
        return encoder is null ? text : encoder.Encode(Name, text);
    }

    /// <summary>
    /// Whether the field embeds an image (<see cref="EmbeddingAttribute.Images"/>) rather than a rendered text: an image
    /// embedding stage computes it, and <see cref="RenderText(T)"/> renders nothing.
    /// </summary>
    public virtual bool EmbedsImages => false;

    /// <summary>The images of <paramref name="item"/> an image embedding reads; none for a text embedding.</summary>
    public virtual IReadOnlyList<ItemImage> GetImages(T item) => ItemImages.None;

    /// <summary>Reads the vector from an item.</summary>
    public abstract ReadOnlyMemory<float> GetVector(T item);

    /// <summary>Stores the vector on an item.</summary>
    public abstract void SetVector(T item, ReadOnlyMemory<float> vector);
}

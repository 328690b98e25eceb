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

    /// <summary>Reads the vector from an item.</summary>
    public abstract ReadOnlyMemory<float> GetVector(T item);

    /// <summary>Stores the vector on an item.</summary>
    public abstract void SetVector(T item, ReadOnlyMemory<float> vector);
}

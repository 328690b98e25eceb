namespace LlmErs;

/// <summary>A semantic-ID field: residual-quantization codes of the embedding field <see cref="Source"/>.</summary>
public abstract class SemanticIdField<T> : DerivedField<T>
{
    /// <summary>Creates the field description.</summary>
    protected SemanticIdField(string name, string fingerprint, string source, int levels, int codes)
        : base(name, FieldKind.SemanticId, fingerprint, [source])
    {
        Source = source;
        Levels = levels;
        Codes = codes;
    }

    /// <summary>The embedding field that is quantized.</summary>
    public string Source { get; }

    /// <summary>Number of quantization levels; 0 when the runtime chooses it.</summary>
    public int Levels { get; }

    /// <summary>Codebook size per level; 0 when the runtime chooses it from the catalog size.</summary>
    public int Codes { get; }

    /// <summary>Reads the semantic ID from an item.</summary>
    public abstract SemanticId GetId(T item);

    /// <summary>Stores the semantic ID on an item.</summary>
    public abstract void SetId(T item, SemanticId id);
}

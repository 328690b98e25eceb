namespace LlmErs;

/// <summary>A field of <typeparamref name="T"/> that LlmErs derives offline. Implemented by generated code.</summary>
public abstract class DerivedField<T>
{
    /// <summary>Creates the field description.</summary>
    protected DerivedField(string name, FieldKind kind, string fingerprint, IReadOnlyList<string> dependsOn)
    {
        Name = name;
        Kind = kind;
        Fingerprint = fingerprint;
        DependsOn = dependsOn;
    }

    /// <summary>The property name.</summary>
    public string Name { get; }

    /// <summary>The field kind.</summary>
    public FieldKind Kind { get; }

    /// <summary>
    /// A stable hash of everything that defines the field's answer (template, schema, vocabulary, kind,
    /// instructions, generator format version). Part of every cache key: change any of them and the field is recomputed.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The derived fields of the same item this one's inputs read; they are computed first.</summary>
    public IReadOnlyList<string> DependsOn { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{typeof(T).Name}.{Name} ({Kind})";
}

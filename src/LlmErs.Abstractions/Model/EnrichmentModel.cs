namespace LlmErs;

/// <summary>
/// Everything the runtime needs to enrich items of type <typeparamref name="T"/>: their key and their derived fields
/// in dependency order. Built once by generated code.
/// </summary>
public sealed class EnrichmentModel<T>
{
    private readonly Func<T, string> _key;
    private readonly Action<T, IFeatureRowWriter> _writeRow;
    private readonly Dictionary<string, DerivedField<T>> _byName;

    /// <summary>Creates the model; <paramref name="fields"/> must already be in dependency order.</summary>
    public EnrichmentModel(
        string typeName,
        string keyMember,
        Func<T, string> key,
        IReadOnlyList<DerivedField<T>> fields,
        IReadOnlyList<FeatureColumn> columns,
        Action<T, IFeatureRowWriter> writeRow)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(writeRow);
        TypeName = typeName;
        KeyMember = keyMember;
        _key = key;
        _writeRow = writeRow;
        Fields = fields;
        Columns = columns;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        LlmFields = [.. fields.OfType<LlmField<T>>()];
        EmbeddingFields = [.. fields.OfType<EmbeddingField<T>>()];
        SemanticIdFields = [.. fields.OfType<SemanticIdField<T>>()];
    }

    /// <summary>The item type's name.</summary>
    public string TypeName { get; }

    /// <summary>The name of the <see cref="ItemKeyAttribute"/> member.</summary>
    public string KeyMember { get; }

    /// <summary>All derived fields, each after the fields it depends on.</summary>
    public IReadOnlyList<DerivedField<T>> Fields { get; }

    /// <summary>The fields an LLM writes, in dependency order.</summary>
    public IReadOnlyList<LlmField<T>> LlmFields { get; }

    /// <summary>The vector fields, in dependency order.</summary>
    public IReadOnlyList<EmbeddingField<T>> EmbeddingFields { get; }

    /// <summary>The semantic-ID fields, in dependency order.</summary>
    public IReadOnlyList<SemanticIdField<T>> SemanticIdFields { get; }

    /// <summary>The feature columns: the key, then every derived field in <see cref="Fields"/> order.</summary>
    public IReadOnlyList<FeatureColumn> Columns { get; }

    /// <summary>Writes <paramref name="item"/>'s feature values to <paramref name="writer"/>, in <see cref="Columns"/> order.</summary>
    public void WriteRow(T item, IFeatureRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writeRow(item, writer);
    }

    /// <summary>The item's key, formatted invariantly.</summary>
    public string KeyOf(T item) => _key(item);

    /// <summary>The derived field named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No derived field has that name.</exception>
    public DerivedField<T> Field(string name) =>
        _byName.TryGetValue(name, out var field)
            ? field
            : throw new KeyNotFoundException(
                $"{TypeName} has no derived field '{name}'. Derived fields: {string.Join(", ", _byName.Keys)}.");
}

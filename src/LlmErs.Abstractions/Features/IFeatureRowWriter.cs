namespace LlmErs;

/// <summary>
/// Receives one item's feature values, column by column in <see cref="EnrichmentModel{T}.Columns"/> order.
/// Generated code calls it without reflection; output formats (Parquet, JSONL) implement it.
/// </summary>
public interface IFeatureRowWriter
{
    /// <summary>Writes the key column.</summary>
    void WriteKey(string key);

    /// <summary>Writes a string column.</summary>
    void WriteString(string? value);

    /// <summary>Writes a string-list column.</summary>
    void WriteStringList(IReadOnlyList<string>? values);

    /// <summary>Writes a boolean column.</summary>
    void WriteBoolean(bool? value);

    /// <summary>Writes an integer column.</summary>
    void WriteInt64(long? value);

    /// <summary>Writes a number column.</summary>
    void WriteDouble(double? value);

    /// <summary>Writes a vector column (empty when not yet computed).</summary>
    void WriteVector(ReadOnlyMemory<float> value);

    /// <summary>Writes a semantic-ID column (empty when not yet assigned).</summary>
    void WriteSemanticId(SemanticId value);
}

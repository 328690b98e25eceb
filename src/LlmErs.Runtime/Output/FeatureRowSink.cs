namespace LlmErs;

/// <summary>
/// Base of the format writers: receives one row's values from generated <c>WriteRow</c> code and checks that they
/// arrive in <see cref="FeatureColumn"/> order with the declared types, so a mismatch fails loudly instead of
/// shifting columns.
/// </summary>
internal abstract class FeatureRowSink : IFeatureRowWriter
{
    private int _next;

    protected FeatureRowSink(IReadOnlyList<FeatureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
    }

    protected IReadOnlyList<FeatureColumn> Columns { get; }

    public void WriteKey(string key) => WriteString(Next(FeatureColumnType.Key), key ?? throw new ArgumentNullException(nameof(key)));

    public void WriteString(string? value) => WriteString(Next(FeatureColumnType.String), value);

    public void WriteStringList(IReadOnlyList<string>? values) => WriteStringList(Next(FeatureColumnType.StringList), values);

    public void WriteBoolean(bool? value) => WriteBoolean(Next(FeatureColumnType.Boolean), value);

    public void WriteInt64(long? value) => WriteInt64(Next(FeatureColumnType.Int64), value);

    public void WriteDouble(double? value) => WriteDouble(Next(FeatureColumnType.Double), value);

    public void WriteVector(ReadOnlyMemory<float> value)
    {
        var column = Next(FeatureColumnType.Vector);
        if (!value.IsEmpty && value.Length != Columns[column].Dimensions)
        {
            throw new InvalidOperationException(
                $"Column '{Columns[column].Name}' holds {Columns[column].Dimensions}-dimensional vectors, but a row has {value.Length} values.");
        }

        WriteVector(column, value);
    }

    // An ID not yet assigned is the empty string, as the column is not nullable (like an empty vector).
    public void WriteSemanticId(SemanticId value) => WriteString(Next(FeatureColumnType.SemanticId), value.ToString());

    /// <summary>Ends the current row; every column must have been written.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        if (_next != Columns.Count)
        {
            throw new InvalidOperationException(
                $"A feature row ended after {_next} of {Columns.Count} columns; the row writer and the column list disagree. Rebuild the project.");
        }

        _next = 0;
        return OnRowEndedAsync(cancellationToken);
    }

    /// <summary>Writes what is buffered and the format's trailer.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken cancellationToken);

    protected abstract void WriteString(int column, string? value);

    protected abstract void WriteStringList(int column, IReadOnlyList<string>? values);

    protected abstract void WriteBoolean(int column, bool? value);

    protected abstract void WriteInt64(int column, long? value);

    protected abstract void WriteDouble(int column, double? value);

    protected abstract void WriteVector(int column, ReadOnlyMemory<float> value);

    protected abstract ValueTask OnRowEndedAsync(CancellationToken cancellationToken);

    private int Next(FeatureColumnType type)
    {
        if (_next >= Columns.Count)
        {
            throw new InvalidOperationException(
                $"A feature row received more than its {Columns.Count} columns; the row writer and the column list disagree. Rebuild the project.");
        }

        var column = Columns[_next];
        if (column.Type != type)
        {
            throw new InvalidOperationException(
                $"Column {_next} '{column.Name}' is {column.Type}, but the row writer wrote a {type} value; the row writer and the column list disagree. Rebuild the project.");
        }

        return _next++;
    }
}

namespace LlmErs;

/// <summary>
/// Base of the format writers: receives one row's values from generated <c>WriteRow</c> code and checks that they
/// arrive in <see cref="FeatureColumn"/> order with the declared types, so a mismatch fails loudly instead of
/// shifting columns. With statuses, every derived field also gets a string column <c>Field_status</c>, all of them
/// after the value columns (so the value columns keep their positions); a field whose status carries no value is
/// written as null, or as an empty list or vector, and the derived value columns are nullable.
/// </summary>
internal abstract class FeatureRowSink : IFeatureRowWriter
{
    /// <summary>The suffix of a status column's name.</summary>
    public const string StatusSuffix = "_status";

    private readonly int _valueColumns;
    private readonly bool _withStatus;
    private IReadOnlyList<FeatureStatus>? _statuses;
    private int _next;

    protected FeatureRowSink(IReadOnlyList<FeatureColumn> columns, bool withStatus)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _valueColumns = columns.Count;
        _withStatus = withStatus;
        Columns = withStatus
            ?
            [
                .. columns.Select((c, i) => i == 0 ? c : c with { Nullable = true }),
                .. columns.Skip(1).Select(c => new FeatureColumn(c.Name + StatusSuffix, FeatureColumnType.String, Nullable: false)),
            ]
            : columns;
    }

    /// <summary>Every column of the file: the value columns, then the status columns when there are statuses.</summary>
    protected IReadOnlyList<FeatureColumn> Columns { get; }

    /// <summary>Starts a row whose derived fields have <paramref name="statuses"/>, in the order of the derived value columns.</summary>
    public void BeginRow(IReadOnlyList<FeatureStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (!_withStatus || statuses.Count != _valueColumns - 1)
        {
            throw new InvalidOperationException(
                $"A row with {statuses.Count} statuses was given to a feature file with {(_withStatus ? _valueColumns - 1 : 0)} status columns.");
        }

        _statuses = statuses;
    }

    public void WriteKey(string key) => WriteString(Next(FeatureColumnType.Key), key ?? throw new ArgumentNullException(nameof(key)));

    public void WriteString(string? value) => WriteString(Next(FeatureColumnType.String, out var withheld), withheld ? null : value);

    public void WriteStringList(IReadOnlyList<string>? values) => WriteStringList(Next(FeatureColumnType.StringList, out var withheld), withheld ? null : values);

    public void WriteBoolean(bool? value) => WriteBoolean(Next(FeatureColumnType.Boolean, out var withheld), withheld ? null : value);

    public void WriteInt64(long? value) => WriteInt64(Next(FeatureColumnType.Int64, out var withheld), withheld ? null : value);

    public void WriteDouble(double? value) => WriteDouble(Next(FeatureColumnType.Double, out var withheld), withheld ? null : value);

    public void WriteVector(ReadOnlyMemory<float> value)
    {
        var column = Next(FeatureColumnType.Vector, out var withheld);
        if (withheld)
        {
            value = ReadOnlyMemory<float>.Empty;
        }

        if (!value.IsEmpty && value.Length != Columns[column].Dimensions)
        {
            throw new InvalidOperationException(
                $"Column '{Columns[column].Name}' holds {Columns[column].Dimensions}-dimensional vectors, but a row has {value.Length} values.");
        }

        WriteVector(column, value);
    }

    // An ID not yet assigned is the empty string, as the column is not nullable (like an empty vector); with statuses, a
    // withheld ID is null.
    public void WriteSemanticId(SemanticId value) => WriteString(Next(FeatureColumnType.SemanticId, out var withheld), withheld ? null : value.ToString());

    /// <summary>Ends the current row; every column must have been written.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        if (_next != _valueColumns)
        {
            throw new InvalidOperationException(
                $"A feature row ended after {_next} of {_valueColumns} columns; the row writer and the column list disagree. Rebuild the project.");
        }

        if (_withStatus)
        {
            for (var i = 0; i < _statuses!.Count; i++)
            {
                WriteString(_valueColumns + i, _statuses[i].ToString());
            }

            _statuses = null;
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

    private int Next(FeatureColumnType type) => Next(type, out _);

    /// <summary>The next column; <paramref name="withheld"/> when its field's status carries no value.</summary>
    private int Next(FeatureColumnType type, out bool withheld)
    {
        if (_next >= _valueColumns)
        {
            throw new InvalidOperationException(
                $"A feature row received more than its {_valueColumns} columns; the row writer and the column list disagree. Rebuild the project.");
        }

        if (_withStatus && _statuses is null)
        {
            throw new InvalidOperationException("A row of a feature file with status columns was written without its statuses.");
        }

        var column = Columns[_next];
        if (column.Type != type)
        {
            throw new InvalidOperationException(
                $"Column {_next} '{column.Name}' is {column.Type}, but the row writer wrote a {type} value; the row writer and the column list disagree. Rebuild the project.");
        }

        withheld = _next > 0 && _statuses is not null && !_statuses[_next - 1].HasValue;
        return _next++;
    }
}

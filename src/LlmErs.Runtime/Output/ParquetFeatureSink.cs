using Parquet;
using Parquet.Schema;

namespace LlmErs;

/// <summary>
/// Writes feature rows to Parquet: rows are buffered per column and written as row groups. Keys, strings and semantic
/// IDs are UTF-8 strings; tags are lists of strings; vectors are lists of float32; booleans, integers and doubles keep
/// their types, nullable where the column is.
/// </summary>
internal sealed class ParquetFeatureSink : FeatureRowSink
{
    private const int RowGroupSize = 65_536;

    private readonly Stream _stream;
    private readonly ColumnBuffer[] _buffers;
    private ParquetWriter? _writer;
    private int _rows;

    public ParquetFeatureSink(Stream stream, IReadOnlyList<FeatureColumn> columns, bool withStatus = false)
        : base(columns, withStatus)
    {
        _stream = stream;
        _buffers = [.. Columns.Select(ColumnBuffer.For)];
    }

    public override async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        // A file with no rows still carries the schema, so readers see the columns.
        if (_rows > 0 || _writer is null)
        {
            await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }

        await _writer!.DisposeAsync().ConfigureAwait(false);
    }

    protected override void WriteString(int column, string? value) => Buffer<StringBuffer>(column).Add(value);

    protected override void WriteStringList(int column, IReadOnlyList<string>? values) => Buffer<StringListBuffer>(column).Add(values);

    protected override void WriteBoolean(int column, bool? value) => Buffer<ScalarBuffer<bool>>(column).Add(value);

    protected override void WriteInt64(int column, long? value) => Buffer<ScalarBuffer<long>>(column).Add(value);

    protected override void WriteDouble(int column, double? value) => Buffer<ScalarBuffer<double>>(column).Add(value);

    protected override void WriteVector(int column, ReadOnlyMemory<float> value) => Buffer<VectorBuffer>(column).Add(value.Span);

    protected override async ValueTask OnRowEndedAsync(CancellationToken cancellationToken)
    {
        if (++_rows == RowGroupSize)
        {
            await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private TBuffer Buffer<TBuffer>(int column) where TBuffer : ColumnBuffer => (TBuffer)_buffers[column];

    private async Task FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        _writer ??= await ParquetWriter.CreateAsync(
            new ParquetSchema(_buffers.Select(b => b.Field)), _stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        using (var rowGroup = _writer.CreateRowGroup())
        {
            foreach (var buffer in _buffers)
            {
                await buffer.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }

            rowGroup.CompleteValidate();
        }

        _rows = 0;
    }

    private abstract class ColumnBuffer
    {
        public abstract Field Field { get; }

        public static ColumnBuffer For(FeatureColumn column) => column.Type switch
        {
            FeatureColumnType.Key => new StringBuffer(column.Name, nullable: false),
            FeatureColumnType.String or FeatureColumnType.SemanticId => new StringBuffer(column.Name, column.Nullable),
            FeatureColumnType.StringList => new StringListBuffer(column.Name),
            FeatureColumnType.Boolean => new ScalarBuffer<bool>(column.Name, column.Nullable),
            FeatureColumnType.Int64 => new ScalarBuffer<long>(column.Name, column.Nullable),
            FeatureColumnType.Double => new ScalarBuffer<double>(column.Name, column.Nullable),
            FeatureColumnType.Vector => new VectorBuffer(column.Name),
            _ => throw new NotSupportedException($"Column '{column.Name}' has type {column.Type}, which the Parquet writer does not know."),
        };

        /// <summary>Writes the buffered values as the row group's next column, then clears the buffer.</summary>
        public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

        protected static InvalidOperationException NullInRequiredColumn(string name) =>
            new($"Column '{name}' is not nullable, but a row has no value for it.");
    }

    private sealed class StringBuffer(string name, bool nullable) : ColumnBuffer
    {
        private readonly DataField<string> _field = new(name, nullable);
        private readonly List<string?> _values = [];

        public override Field Field => _field;

        public void Add(string? value) => _values.Add(value ?? (_field.IsNullable ? null : throw NullInRequiredColumn(name)));

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        {
            await rowGroup.WriteAsync(_field, _values!, null).ConfigureAwait(false);
            _values.Clear();
        }
    }

    private sealed class ScalarBuffer<TValue>(string name, bool nullable) : ColumnBuffer
        where TValue : struct
    {
        private readonly DataField _field = nullable ? new DataField<TValue?>(name) : new DataField<TValue>(name);
        private readonly List<TValue?> _values = [];

        public override Field Field => _field;

        public void Add(TValue? value) => _values.Add(value ?? (nullable ? null : throw NullInRequiredColumn(name)));

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        {
            if (nullable)
            {
                await rowGroup.WriteAsync<TValue>(_field, _values.ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await rowGroup.WriteAsync<TValue>(_field, _values.Select(v => v!.Value).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            }

            _values.Clear();
        }
    }

    // Lists are written as their flattened elements with repetition levels (0 starts a row, 1 continues it); with
    // non-nullable elements, a null element at level 0 stands for an empty list.
    private abstract class ListBuffer<TElement>(string name, DataField element) : ColumnBuffer
    {
        private readonly ListField _field = new(name, element);

        public override Field Field => _field;

        protected DataField Element => element;

        protected List<TElement?> Values { get; } = [];

        protected List<int> Levels { get; } = [];

        protected void AddEmpty() => Append(default, first: true);

        protected void Append(TElement? value, bool first)
        {
            Values.Add(value);
            Levels.Add(first ? 0 : 1);
        }

        protected void Clear()
        {
            Values.Clear();
            Levels.Clear();
        }
    }

    private sealed class StringListBuffer(string name) : ListBuffer<string>(name, new DataField<string>("element", nullable: false))
    {
        public void Add(IReadOnlyList<string>? values)
        {
            if (values is null || values.Count == 0)
            {
                AddEmpty();
                return;
            }

            for (var i = 0; i < values.Count; i++)
            {
                Append(values[i], first: i == 0);
            }
        }

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        {
            await rowGroup.WriteAsync(Element, Values!, Levels.ToArray()).ConfigureAwait(false);
            Clear();
        }
    }

    private sealed class VectorBuffer(string name) : ListBuffer<float?>(name, new DataField<float>("element", nullable: false))
    {
        public void Add(ReadOnlySpan<float> vector)
        {
            if (vector.IsEmpty)
            {
                AddEmpty();
                return;
            }

            for (var i = 0; i < vector.Length; i++)
            {
                Append(vector[i], first: i == 0);
            }
        }

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        {
            await rowGroup.WriteAsync<float>(Element, Values.ToArray(), Levels.ToArray(), null, cancellationToken).ConfigureAwait(false);
            Clear();
        }
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;

namespace LlmErs;

/// <summary>Writes feature rows as JSON Lines: one object per row, properties named after the columns, nulls kept.</summary>
internal sealed class JsonLinesFeatureSink : FeatureRowSink
{
    private static readonly JsonWriterOptions s_options = new()
    {
        // The file is data for pipelines, not HTML: keep non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly JsonEncodedText[] _names;
    private bool _inRow;

    public JsonLinesFeatureSink(Stream stream, IReadOnlyList<FeatureColumn> columns, bool withStatus = false)
        : base(columns, withStatus)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(stream, s_options);
        _names = [.. Columns.Select(c => JsonEncodedText.Encode(c.Name, s_options.Encoder))];
    }

    public override async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _json.DisposeAsync().ConfigureAwait(false);
    }

    protected override void WriteString(int column, string? value)
    {
        Property(column);
        if (value is null) _json.WriteNullValue(); else _json.WriteStringValue(value);
    }

    protected override void WriteStringList(int column, IReadOnlyList<string>? values)
    {
        Property(column);
        if (values is null)
        {
            _json.WriteNullValue();
            return;
        }

        _json.WriteStartArray();
        foreach (var value in values)
        {
            _json.WriteStringValue(value);
        }

        _json.WriteEndArray();
    }

    protected override void WriteBoolean(int column, bool? value)
    {
        Property(column);
        if (value is { } b) _json.WriteBooleanValue(b); else _json.WriteNullValue();
    }

    protected override void WriteInt64(int column, long? value)
    {
        Property(column);
        if (value is { } n) _json.WriteNumberValue(n); else _json.WriteNullValue();
    }

    protected override void WriteDouble(int column, double? value)
    {
        Property(column);
        if (value is { } n) _json.WriteNumberValue(n); else _json.WriteNullValue();
    }

    protected override void WriteVector(int column, ReadOnlyMemory<float> value)
    {
        Property(column);
        _json.WriteStartArray();
        foreach (var x in value.Span)
        {
            _json.WriteNumberValue(x);
        }

        _json.WriteEndArray();
    }

    protected override async ValueTask OnRowEndedAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
        _json.Reset();
        _inRow = false;
        _stream.WriteByte((byte)'\n');
    }

    private void Property(int column)
    {
        if (!_inRow)
        {
            _json.WriteStartObject();
            _inRow = true;
        }

        _json.WritePropertyName(_names[column]);
    }
}

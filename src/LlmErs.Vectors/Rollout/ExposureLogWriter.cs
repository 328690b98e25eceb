using System.Text.Json;

namespace LlmErs.Vectors;

/// <summary>
/// Appends exposures and feedback to a JSON Lines file, one object per line with a <c>"type"</c> of <c>"exposure"</c>
/// or <c>"feedback"</c>; <see cref="ExposureLogReader"/> reads it back. Thread-safe.
/// </summary>
/// <remarks>
/// Every line is flushed as it is written, so a report read while serving sees every answered request, and a crash
/// loses at most the line being written (the reader skips a torn last line).
/// </remarks>
public sealed class ExposureLogWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;

    /// <summary>Opens <paramref name="path"/> for appending, creating it and its folder when missing.</summary>
    public ExposureLogWriter(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        _json = new Utf8JsonWriter(_stream);
    }

    /// <summary>The log file's full path.</summary>
    public string Path { get; }

    /// <summary>Appends a response that was shown.</summary>
    public void Append(ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        lock (_gate)
        {
            _json.WriteStartObject();
            _json.WriteString(ExposureLogFields.Type, ExposureLogFields.Exposure);
            _json.WriteString(ExposureLogFields.RequestId, exposure.RequestId);
            _json.WriteString(ExposureLogFields.Time, exposure.Time);
            _json.WriteString(ExposureLogFields.User, exposure.User);
            _json.WriteString(ExposureLogFields.Arm, exposure.Arm);
            _json.WriteStartArray(ExposureLogFields.Items);
            foreach (var item in exposure.Items)
            {
                _json.WriteStringValue(item);
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
            EndLine();
        }
    }

    /// <summary>Appends a click or conversion.</summary>
    public void Append(FeedbackRecord feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (_gate)
        {
            _json.WriteStartObject();
            _json.WriteString(ExposureLogFields.Type, ExposureLogFields.Feedback);
            _json.WriteString(ExposureLogFields.RequestId, feedback.RequestId);
            _json.WriteString(ExposureLogFields.Time, feedback.Time);
            _json.WriteString(ExposureLogFields.Item, feedback.ItemId);
            _json.WriteString(ExposureLogFields.Kind, feedback.Kind == FeedbackKind.Click ? ExposureLogFields.Click : ExposureLogFields.Conversion);
            _json.WriteEndObject();
            EndLine();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _json.Dispose();
            _stream.Dispose();
        }
    }

    private void EndLine()
    {
        _json.Flush();
        _json.Reset();
        _stream.WriteByte((byte)'\n');
        _stream.Flush();
    }
}

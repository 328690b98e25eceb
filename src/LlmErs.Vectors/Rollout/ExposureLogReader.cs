using System.Text.Json;

namespace LlmErs.Vectors;

/// <summary>Reads a log written by <see cref="ExposureLogWriter"/>.</summary>
/// <remarks>
/// <see cref="ReadExposures"/> and <see cref="ReadFeedback"/> stream the file a line at a time, so a report over a log of
/// any size holds only what it aggregates; <see cref="Read"/> collects everything, for small logs and tests. A line that
/// is not a valid record fails with the file and line number, except a torn last line (a crash mid-write), which is
/// skipped.
/// </remarks>
public static class ExposureLogReader
{
    /// <summary>Reads every exposure and feedback line of <paramref name="path"/> into memory.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a valid record; the message names the file and line.</exception>
    public static ExposureLog Read(string path)
    {
        var exposures = new List<ExposureRecord>();
        var feedback = new List<FeedbackRecord>();
        foreach (var record in Records(path, ExposureLogFields.Exposure, ExposureLogFields.Feedback))
        {
            if (record is ExposureRecord exposure)
            {
                exposures.Add(exposure);
            }
            else
            {
                feedback.Add((FeedbackRecord)record);
            }
        }

        return new ExposureLog(exposures, feedback);
    }

    /// <summary>The exposures of <paramref name="path"/> in log order, read as they are enumerated.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/> (on enumeration).</exception>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a valid record; the message names the file and line.</exception>
    public static IEnumerable<ExposureRecord> ReadExposures(string path) => Records(path, ExposureLogFields.Exposure, null).Cast<ExposureRecord>();

    /// <summary>The clicks and conversions of <paramref name="path"/> in log order, read as they are enumerated.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/> (on enumeration).</exception>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a valid record; the message names the file and line.</exception>
    public static IEnumerable<FeedbackRecord> ReadFeedback(string path) => Records(path, ExposureLogFields.Feedback, null).Cast<FeedbackRecord>();

    /// <summary>The records of the types asked for, one line at a time; a bad line throws once the next line shows it was not the last.</summary>
    private static IEnumerable<object> Records(string path, string type, string? otherType)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no exposure log at '{path}'.", path);
        }

        // Shared read: the server keeps appending while a report reads.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        (long Line, Exception Error)? bad = null;
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;

            // A crash mid-write leaves at most the last line torn; a bad line followed by another is damage worth reporting.
            if (bad is { } damage)
            {
                throw new InvalidDataException($"Line {damage.Line} of the exposure log '{path}' is not a valid record: {damage.Error.Message}", damage.Error);
            }

            if (line.Length == 0)
            {
                continue;
            }

            object? record = null;
            try
            {
                record = ParseLine(line, type, otherType);
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                bad = (number, e);
            }

            if (record is not null)
            {
                yield return record;
            }
        }
    }

    /// <summary>The record on <paramref name="line"/> when its type is one of those asked for, else <see langword="null"/>.</summary>
    private static object? ParseLine(string line, string type, string? otherType)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var recordType = root.GetProperty(ExposureLogFields.Type).GetString();
        if (recordType is not (ExposureLogFields.Exposure or ExposureLogFields.Feedback))
        {
            throw new FormatException($"Unknown record type '{recordType}'.");
        }

        if (recordType != type && recordType != otherType)
        {
            return null;
        }

        var requestId = root.GetProperty(ExposureLogFields.RequestId).GetString()!;
        var time = root.GetProperty(ExposureLogFields.Time).GetDateTimeOffset();
        if (recordType == ExposureLogFields.Exposure)
        {
            var items = root.GetProperty(ExposureLogFields.Items).EnumerateArray().Select(item => item.GetString()!).ToArray();
            return new ExposureRecord(requestId, time, root.GetProperty(ExposureLogFields.User).GetString()!, root.GetProperty(ExposureLogFields.Arm).GetString()!, items);
        }

        var kind = root.GetProperty(ExposureLogFields.Kind).GetString() switch
        {
            ExposureLogFields.Click => FeedbackKind.Click,
            ExposureLogFields.Conversion => FeedbackKind.Conversion,
            var other => throw new FormatException($"Unknown feedback kind '{other}'."),
        };
        return new FeedbackRecord(requestId, time, root.GetProperty(ExposureLogFields.Item).GetString()!, kind);
    }
}

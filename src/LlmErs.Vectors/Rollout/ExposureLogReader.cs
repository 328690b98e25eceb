using System.Text.Json;

namespace LlmErs.Vectors;

/// <summary>Reads a log written by <see cref="ExposureLogWriter"/>.</summary>
public static class ExposureLogReader
{
    /// <summary>Reads every exposure and feedback line of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a valid record; the message names the file and line.</exception>
    public static ExposureLog Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no exposure log at '{path}'.", path);
        }

        var exposures = new List<ExposureRecord>();
        var feedback = new List<FeedbackRecord>();

        // Shared read: the server keeps appending while a report reads.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                ParseLine(lines[i], exposures, feedback);
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                // A crash mid-write leaves at most the last line torn; anything earlier is damage worth reporting.
                if (i == lines.Count - 1)
                {
                    break;
                }

                throw new InvalidDataException($"Line {i + 1} of the exposure log '{path}' is not a valid record: {e.Message}", e);
            }
        }

        return new ExposureLog(exposures, feedback);
    }

    private static void ParseLine(string line, List<ExposureRecord> exposures, List<FeedbackRecord> feedback)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var requestId = root.GetProperty(ExposureLogFields.RequestId).GetString()!;
        var time = root.GetProperty(ExposureLogFields.Time).GetDateTimeOffset();
        switch (root.GetProperty(ExposureLogFields.Type).GetString())
        {
            case ExposureLogFields.Exposure:
                var items = root.GetProperty(ExposureLogFields.Items).EnumerateArray().Select(item => item.GetString()!).ToArray();
                exposures.Add(new ExposureRecord(
                    requestId, time, root.GetProperty(ExposureLogFields.User).GetString()!, root.GetProperty(ExposureLogFields.Arm).GetString()!, items));
                break;
            case ExposureLogFields.Feedback:
                var kind = root.GetProperty(ExposureLogFields.Kind).GetString() switch
                {
                    ExposureLogFields.Click => FeedbackKind.Click,
                    ExposureLogFields.Conversion => FeedbackKind.Conversion,
                    var other => throw new FormatException($"Unknown feedback kind '{other}'."),
                };
                feedback.Add(new FeedbackRecord(requestId, time, root.GetProperty(ExposureLogFields.Item).GetString()!, kind));
                break;
            case var other:
                throw new FormatException($"Unknown record type '{other}'.");
        }
    }
}

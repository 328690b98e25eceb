using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Loads interaction logs from CSV (or any delimited text) with a header line, and from JSON Lines (one object per
/// line), with configurable column names. Ids are read as text; timestamps as Unix seconds or ISO 8601; ratings or
/// labels as numbers or true/false. A bad line fails with a <see cref="DataFormatException"/> naming the file, the
/// line and the column. Files are read as UTF-8 (a byte-order mark is skipped) and decompressed when their first bytes
/// are gzip's, whatever their name.
/// </summary>
public static class InteractionFileLoader
{
    // How many rows pass between cancellation checks.
    private const int CancellationStride = 4096;

    /// <summary>Loads a CSV file with a header line.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The header lacks a column, or a line is malformed.</exception>
    public static InteractionLog LoadCsv(string path, InteractionFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new InteractionFileOptions();
        using var reader = DataFiles.OpenCsv(path, options.Delimiter);
        return ReadCsv(reader, options, cancellationToken);
    }

    /// <summary>Loads CSV text with a header line from <paramref name="reader"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="DataFormatException">The header lacks a column, or a line is malformed.</exception>
    public static InteractionLog LoadCsv(TextReader reader, string sourceName, InteractionFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new InteractionFileOptions();
        using var csv = DataFiles.Csv(reader, sourceName, options.Delimiter);
        return ReadCsv(csv, options, cancellationToken);
    }

    /// <summary>Loads a JSON Lines file: one JSON object per line, blank lines skipped.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">A line is not a JSON object, or lacks a field, or a value has the wrong type.</exception>
    public static InteractionLog LoadJsonLines(string path, InteractionFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var reader = DataFiles.OpenText(path);
        return LoadJsonLines(reader, path, options, cancellationToken);
    }

    /// <summary>Loads JSON Lines text from <paramref name="reader"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="DataFormatException">A line is not a JSON object, or lacks a field, or a value has the wrong type.</exception>
    public static InteractionLog LoadJsonLines(TextReader reader, string sourceName, InteractionFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new InteractionFileOptions();
        var builder = new InteractionLogBuilder();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (lineNumber % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            using var document = ParseLine(line, sourceName, lineNumber);
            var row = new JsonLineRow(document.RootElement, sourceName, lineNumber);
            builder.Add(
                row.Id(options.UserColumn),
                row.Id(options.ItemColumn),
                options.TimestampColumn is null ? builder.Count : row.Timestamp(options.TimestampColumn),
                options.RatingColumn is null ? null : row.Rating(options.RatingColumn));
        }

        return builder.Build();
    }

    private static InteractionLog ReadCsv(CsvReader csv, InteractionFileOptions options, CancellationToken cancellationToken)
    {
        string[] columns = [options.UserColumn, options.ItemColumn, .. Optional(options.TimestampColumn), .. Optional(options.RatingColumn)];
        var indices = csv.ReadHeader(columns);
        var timestampIndex = options.TimestampColumn is null ? -1 : indices[2];
        var ratingIndex = options.RatingColumn is null ? -1 : indices[^1];
        var builder = new InteractionLogBuilder();
        while (csv.Read())
        {
            if (builder.Count % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            csv.RequireFields(indices, columns);
            var user = RequireId(csv, indices[0], options.UserColumn);
            var item = RequireId(csv, indices[1], options.ItemColumn);
            long timestamp = builder.Count;
            if (timestampIndex >= 0 && !FieldParsers.TryParseTimestamp(csv[timestampIndex], out timestamp))
            {
                throw csv.Error(options.TimestampColumn, $"'{csv[timestampIndex]}' is not a timestamp. {FieldParsers.TimestampHint}");
            }

            float? rating = null;
            if (ratingIndex >= 0)
            {
                rating = FieldParsers.TryParseRating(csv[ratingIndex], out var value)
                    ? value
                    : throw csv.Error(options.RatingColumn, $"'{csv[ratingIndex]}' is not a rating. {FieldParsers.RatingHint}");
            }

            builder.Add(user, item, timestamp, rating);
        }

        return builder.Build();
    }

    private static string[] Optional(string? column) => column is null ? [] : [column];

    private static ReadOnlySpan<char> RequireId(CsvReader csv, int index, string column)
    {
        var id = csv[index].Trim();
        return id.IsEmpty ? throw csv.Error(column, "The id is empty. Fill it in or remove the line.") : id;
    }

    private static JsonDocument ParseLine(string line, string sourceName, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            var problem = DataFile.CompressedTextHint(line) ?? $"The line is not valid JSON ({exception.Message}). Each line must hold one JSON object.";
            throw new DataFormatException(sourceName, lineNumber, null, problem);
        }

        var kind = document.RootElement.ValueKind;
        if (kind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new DataFormatException(sourceName, lineNumber, null, $"The line holds a JSON {kind} but must hold one JSON object.");
        }

        return document;
    }
}

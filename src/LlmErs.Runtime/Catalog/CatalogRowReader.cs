using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// Reads a catalog file's rows as JSON objects of their members, whatever the layout, so that one typed mapping
/// (the user's <see cref="JsonTypeInfo{T}"/>) builds items from all of them. A CSV cell is a JSON string for string
/// members, and is read as a JSON literal (<c>12</c>, <c>true</c>, <c>["a","b"]</c>) for other members when it is one;
/// an empty cell is null. Parquet values keep their column types.
/// </summary>
internal sealed class CatalogRowReader(string path, CatalogLoadOptions options, JsonTypeInfo typeInfo)
{
    private readonly Dictionary<string, Type> _memberTypes = typeInfo.Properties.ToDictionary(
        property => property.Name,
        property => property.PropertyType,
        typeInfo.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>Whether the file was gzip-compressed; known once reading has started.</summary>
    public bool Compressed { get; private set; }

    /// <summary>The layout read; known once reading has started.</summary>
    public CatalogFormat Format { get; private set; }

    public async IAsyncEnumerable<CatalogRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kind = DataFile.Sniff(path);
        Compressed = kind == DataFileKind.Gzip;
        if (kind == DataFileKind.Parquet || options.Format == CatalogFormat.Parquet)
        {
            Format = CatalogFormat.Parquet;
            await foreach (var row in ParquetRows.ReadAsync(path, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }

            yield break;
        }

        using var lines = DataFile.OpenLines(path, (line, problem) => new CatalogFormatException(path, line, null, problem));
        Format = options.Format ?? SniffText(path);
        var rows = Format == CatalogFormat.Csv ? CsvRows(lines) : JsonRows(lines);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private IEnumerable<CatalogRow> JsonRows(Utf8LineReader lines)
    {
        while (lines.TryReadLine(out var line, out var problem))
        {
            if (line is null)
            {
                yield return new CatalogRow(lines.LineNumber, null, problem);
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ParseJson(line, lines.LineNumber);
            }
        }
    }

    private CatalogRow ParseJson(string line, int lineNumber)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject row
                ? new CatalogRow(lineNumber, row, null)
                : new CatalogRow(lineNumber, null, "The line is not a JSON object. Each line must hold one JSON object.");
        }
        catch (JsonException exception)
        {
            var where = Compressed ? " (in the decompressed content of this gzip file)" : "";
            return new CatalogRow(lineNumber, null, DataFile.CompressedTextHint(line)
                ?? $"The line is not valid JSON{where}: {exception.Message} Each line must hold one JSON object.");
        }
    }

    private IEnumerable<CatalogRow> CsvRows(Utf8LineReader lines)
    {
        using var csv = new CsvReader(lines, path, options.CsvDelimiter, (line, column, problem) => new CatalogFormatException(path, line, column, problem));
        string[] header;
        try
        {
            header = ReadHeader(csv);
        }
        catch (CatalogFormatException exception) when (Compressed)
        {
            throw new CatalogFormatException(path, exception.LineNumber, exception.Member, exception.Problem + " (The file is gzip-compressed; this is its decompressed content.)");
        }

        while (true)
        {
            CatalogRow row;
            try
            {
                if (!csv.Read())
                {
                    yield break;
                }

                row = CsvRow(csv, header);
            }
            catch (CatalogFormatException exception)
            {
                row = new CatalogRow(exception.LineNumber, null, exception.Problem, exception.Member);
            }

            yield return row;
        }
    }

    private static string[] ReadHeader(CsvReader csv)
    {
        csv.ReadHeader(); // no column is required: each one maps to the member of its name
        var header = new string[csv.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = csv[i].Trim().ToString();
        }

        return header;
    }

    private CatalogRow CsvRow(CsvReader csv, string[] header)
    {
        if (csv.FieldCount != header.Length)
        {
            return new CatalogRow(csv.LineNumber, null, $"The line has {csv.FieldCount} field(s) but the header names {header.Length}. Check the delimiter ('{options.CsvDelimiter}') and quoting.");
        }

        var row = new JsonObject();
        for (var i = 0; i < header.Length; i++)
        {
            row[header[i]] = Cell(header[i], csv[i].ToString());
        }

        return new CatalogRow(csv.LineNumber, row, null);
    }

    private JsonNode? Cell(string column, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (_memberTypes.TryGetValue(column, out var type) && type != typeof(string))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Not a literal: the member's own conversion reports it, with the member named.
            }
        }

        return JsonValue.Create(text);
    }

    private static CatalogFormat SniffText(string path)
    {
        using var lines = DataFile.OpenLines(path, (line, problem) => new CatalogFormatException(path, line, null, problem));
        while (lines.TryReadLine(out var line, out _))
        {
            if (line is not null && line.AsSpan().TrimStart() is { IsEmpty: false } text)
            {
                return text[0] == '{' ? CatalogFormat.JsonLines : CatalogFormat.Csv;
            }
        }

        return CatalogFormat.JsonLines;
    }
}

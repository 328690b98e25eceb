using System.Text.Json;

namespace LlmErs;

/// <summary>Reads a JSON Lines feature file (one object per row, as <see cref="FeatureFileFormat.JsonLines"/> writes) into a <see cref="FeatureTable"/>.</summary>
internal static class JsonLinesFeatureReader
{
    public static async Task<FeatureTable> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var columns = new List<List<object?>>();
        var lineNumber = 0;
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = Parse(path, lineNumber, line);
            if (names.Count == 0)
            {
                names.AddRange(row.Select(p => p.Name));
                columns.AddRange(names.Select(_ => new List<object?>()));
            }

            if (row.Count != names.Count || row.Where((p, i) => p.Name != names[i]).Any())
            {
                throw new InvalidDataException(
                    $"'{path}' line {lineNumber} has the columns [{string.Join(", ", row.Select(p => p.Name))}], but line 1 has " +
                    $"[{string.Join(", ", names)}]: every row of a feature file has the same columns. Was the file edited or concatenated?");
            }

            for (var i = 0; i < row.Count; i++)
            {
                columns[i].Add(row[i].Value);
            }
        }

        var table = names.Select((name, i) => new FeatureTableColumn(name, FeatureTableColumn.InferType(columns[i]), [.. columns[i]])).ToList();
        foreach (var column in table)
        {
            CheckTypes(path, column);
        }

        return new FeatureTable(path, columns.Count == 0 ? 0 : columns[0].Count, table);
    }

    private static List<(string Name, object? Value)> Parse(string path, int lineNumber, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"'{path}' line {lineNumber} is a JSON {document.RootElement.ValueKind}, not an object: a JSON Lines feature file holds one object per row.");
            }

            return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, Value(path, lineNumber, p)))];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' line {lineNumber} is not valid JSON ({e.Message}): is it a JSON Lines feature file written by the offline pipeline?", e);
        }
    }

    private static object? Value(string path, int lineNumber, JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => property.Value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => property.Value.GetDouble(),
        JsonValueKind.Array when property.Value.GetArrayLength() == 0 => Array.Empty<string>(),
        JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            property.Value.EnumerateArray().Select(e => e.GetString()!).ToArray(),
        JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number) =>
            property.Value.EnumerateArray().Select(e => e.GetSingle()).ToArray(),
        _ => throw new InvalidDataException(
            $"'{path}' line {lineNumber}, column '{property.Name}': a {property.Value.ValueKind} that is not a feature value " +
            "(a string, boolean, number, list of strings or list of numbers)."),
    };

    // An empty list is a valid value in a tag or vector column alike, so only non-empty values must agree.
    private static void CheckTypes(string path, FeatureTableColumn column)
    {
        for (var row = 0; row < column.Values.Length; row++)
        {
            var value = column.Values[row];
            if (value is null or Array { Length: 0 })
            {
                continue;
            }

            if (FeatureTableColumn.InferType([value]) != column.Type)
            {
                throw new InvalidDataException(
                    $"'{path}' line {row + 1}, column '{column.Name}': a {FeatureTableColumn.InferType([value])} value in a {column.Type} column. " +
                    "Is the file from one pipeline run?");
            }
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;

namespace LlmErs;

/// <summary>
/// Reads a Parquet file's flat columns as one JSON object per row, through Parquet.Net's column API (no reflection):
/// strings, booleans, integers and floating-point numbers; a null cell is a JSON null. A nested or repeated column
/// fails with its name, since it has no single value per row.
/// </summary>
internal static class ParquetRows
{
    public static async IAsyncEnumerable<CatalogRow> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using var _ = stream.ConfigureAwait(false);
        var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var __ = reader.ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        if (reader.Schema.Fields.FirstOrDefault(field => field is not DataField) is { } nested)
        {
            throw new CatalogFormatException(path, 0, nested.Name, "The column is nested or repeated; the catalog loader reads flat columns. Flatten it, or write the catalog as JSON Lines.");
        }

        var rowNumber = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = checked((int)rowGroup.RowCount);
            var rows = new JsonObject[count];
            for (var r = 0; r < count; r++)
            {
                rows[r] = [];
            }

            foreach (var field in fields)
            {
                await ReadColumnAsync(path, rowGroup, field, rows, cancellationToken).ConfigureAwait(false);
            }

            foreach (var row in rows)
            {
                yield return new CatalogRow(++rowNumber, row, null);
            }
        }
    }

    private static async Task ReadColumnAsync(string path, ParquetRowGroupReader rowGroup, DataField field, JsonObject[] rows, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows.Length];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            Fill(rows, field.Name, values, value => value is null ? null : JsonValue.Create(value));
        }
        else if (type == typeof(bool))
        {
            await ReadAsync<bool>(rowGroup, field, rows, value => JsonValue.Create(value), cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(int))
        {
            await ReadAsync<int>(rowGroup, field, rows, value => JsonValue.Create(value), cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(long))
        {
            await ReadAsync<long>(rowGroup, field, rows, value => JsonValue.Create(value), cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(float))
        {
            await ReadAsync<float>(rowGroup, field, rows, value => JsonValue.Create(value), cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(double))
        {
            await ReadAsync<double>(rowGroup, field, rows, value => JsonValue.Create(value), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new CatalogFormatException(path, 0, field.Name, $"The column holds {type.Name} values; the catalog loader reads strings, booleans, integers and floating-point numbers. Convert the column, or write the catalog as JSON Lines.");
        }
    }

    private static async Task ReadAsync<TValue>(ParquetRowGroupReader rowGroup, DataField field, JsonObject[] rows, Func<TValue, JsonNode> toJson, CancellationToken cancellationToken)
        where TValue : struct
    {
        if (!field.IsNullable)
        {
            var required = new TValue[rows.Length];
            await rowGroup.ReadAsync(field, required.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            Fill(rows, field.Name, required, value => toJson(value));
            return;
        }

        var values = new TValue?[rows.Length];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        Fill(rows, field.Name, values, value => value is { } v ? toJson(v) : null);
    }

    private static void Fill<TValue>(JsonObject[] rows, string name, TValue[] values, Func<TValue, JsonNode?> toJson)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r][name] = toJson(values[r]);
        }
    }
}

using System.Diagnostics;
using Parquet;
using Parquet.Schema;

namespace LlmErs;

/// <summary>
/// Reads a Parquet feature file (as <see cref="FeatureFileFormat.Parquet"/> writes it) into a <see cref="FeatureTable"/>:
/// strings, booleans, 64-bit integers and doubles (every number as a double), lists of strings and of floats. Parquet
/// writes a withheld list as an empty one, so there a failed tag field reads as "no tags"; its status column tells.
/// </summary>
internal static class ParquetFeatureReader
{
    public static async Task<FeatureTable> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var fields = reader.Schema.Fields;
            var values = fields.Select(_ => new List<object?>()).ToArray();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                for (var f = 0; f < fields.Count; f++)
                {
                    values[f].AddRange(await ReadColumnAsync(path, group, fields[f], cancellationToken).ConfigureAwait(false));
                }
            }

            var columns = fields.Select((field, f) => new FeatureTableColumn(field.Name, FeatureTableColumn.InferType(values[f]), [.. values[f]])).ToList();
            return new FeatureTable(path, values.Length == 0 ? 0 : values[0].Count, columns);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException && e is not FileNotFoundException)
        {
            throw new InvalidDataException($"'{path}' is not a readable Parquet feature file ({e.Message}). Was it written completely by the offline pipeline?", e);
        }
    }

    private static Task<List<object?>> ReadColumnAsync(string path, ParquetRowGroupReader group, Field field, CancellationToken cancellationToken)
    {
        var (data, isList) = field switch
        {
            DataField scalar => (scalar, false),
            ListField { Item: DataField element } => (element, true),
            _ => throw new InvalidDataException($"'{path}', column '{field.Name}': a {field.SchemaType} column, which feature files do not have."),
        };

        return data.ClrType switch
        {
            var t when t == typeof(ReadOnlyMemory<char>) => ReadValuesAsync<ReadOnlyMemory<char>>(group, data, isList, v => v.ToString(), e => e.Cast<string>().ToArray(), cancellationToken),
            var t when t == typeof(bool) && !isList => ReadValuesAsync<bool>(group, data, isList, v => v, NoList, cancellationToken),
            var t when t == typeof(long) && !isList => ReadValuesAsync<long>(group, data, isList, v => (double)v, NoList, cancellationToken),
            var t when t == typeof(double) && !isList => ReadValuesAsync<double>(group, data, isList, v => v, NoList, cancellationToken),
            var t when t == typeof(float) && isList => ReadValuesAsync<float>(group, data, isList, v => v, e => e.Cast<float>().ToArray(), cancellationToken),
            _ => throw new InvalidDataException($"'{path}', column '{field.Name}': {(isList ? "lists of " : "")}{data.ClrType.Name} values, which feature files do not have."),
        };
    }

    // Raw values come without nulls; an entry holds a value where its definition level is the column's maximum.
    private static async Task<List<object?>> ReadValuesAsync<T>(
        ParquetRowGroupReader group, DataField field, bool isList, Func<T, object> box, Func<List<object>, object> toList, CancellationToken cancellationToken)
        where T : struct
    {
        var (values, repetitions) = Buffers<T>(group, field, isList);
        var definitions = new int[values.Length];
        await group.ReadRawAsync<T>(field, values, field.MaxDefinitionLevel > 0 ? definitions : (Memory<int>?)null, isList ? repetitions : (Memory<int>?)null, cancellationToken).ConfigureAwait(false);
        var next = 0;
        var entries = definitions.Select(d => field.MaxDefinitionLevel == 0 || d == field.MaxDefinitionLevel ? box(values[next++]) : null).ToArray();
        return Rows(entries, repetitions, isList, toList);
    }

    private static object NoList(List<object> elements) => throw new UnreachableException();

    // A list column has one entry per element and one null entry for an empty list; a repetition level of 0 starts a row.
    private static (TValue[] Values, int[] Repetitions) Buffers<TValue>(ParquetRowGroupReader group, DataField field, bool isList)
    {
        var entries = isList ? (int)group.GetMetadata(field)!.MetaData!.NumValues : (int)group.RowCount;
        return (new TValue[entries], new int[isList ? entries : 0]);
    }

    private static List<object?> Rows(object?[] entries, int[] repetitions, bool isList, Func<List<object>, object> toList)
    {
        if (!isList)
        {
            return [.. entries];
        }

        var rows = new List<object?>();
        List<object>? current = null;
        for (var i = 0; i < entries.Length; i++)
        {
            if (repetitions[i] == 0)
            {
                if (current is not null)
                {
                    rows.Add(toList(current));
                }

                current = [];
            }

            if (entries[i] is { } value)
            {
                current!.Add(value);
            }
        }

        if (current is not null)
        {
            rows.Add(toList(current));
        }

        return rows;
    }
}

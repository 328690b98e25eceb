using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// The triples file: every knowledge-graph triple the run's triples fields (<see cref="LlmTriplesAttribute"/>) hold, as
/// Parquet with the columns <c>head</c> (the item's key), <c>relation</c>, <c>tail</c>, <c>status</c>, <c>source</c> (the
/// field) and <c>reason</c>, one row per triple in item order. Dropped triples stay, with their reason, so the file records
/// what a correction removed; a field that failed or was quarantined contributes nothing for that item. The file appears
/// only complete, as feature files do.
/// </summary>
public static class TriplesFile
{
    /// <summary>The file's columns, in order.</summary>
    public static IReadOnlyList<FeatureColumn> Columns { get; } =
    [
        new("head", FeatureColumnType.Key, false),
        new("relation", FeatureColumnType.String, false),
        new("tail", FeatureColumnType.String, false),
        new("status", FeatureColumnType.String, false),
        new("source", FeatureColumnType.String, false),
        new("reason", FeatureColumnType.String, true),
    ];

    /// <summary>The triples fields of <typeparamref name="TItem"/>, in field order.</summary>
    public static IReadOnlyList<LlmField<TItem, IReadOnlyList<KgTriple>>> FieldsOf<TItem>()
        where TItem : IEnrichable<TItem> =>
        [.. TItem.EnrichmentModel.Fields.Where(f => f.Kind == FieldKind.Triples).OfType<LlmField<TItem, IReadOnlyList<KgTriple>>>()];

    /// <summary>The records of <paramref name="rows"/>' triples, in item and field order, leaving out fields without a value.</summary>
    public static IEnumerable<TripleRecord> RecordsOf<TItem>(IEnumerable<PipelineItem<TItem>> rows)
        where TItem : IEnrichable<TItem>
    {
        ArgumentNullException.ThrowIfNull(rows);
        var fields = FieldsOf<TItem>();
        foreach (var row in rows)
        {
            foreach (var field in fields)
            {
                if (!row.GetStatus(field.Name).HasValue)
                {
                    continue;
                }

                foreach (var triple in field.GetValue(row.Item) ?? [])
                {
                    yield return new TripleRecord(row.Key, triple.Relation, triple.Tail, StatusText(triple.Status), field.Name, triple.Reason);
                }
            }
        }
    }

    /// <summary>Writes <paramref name="records"/> to <paramref name="path"/> atomically and returns how many rows it wrote.</summary>
    public static async Task<long> WriteAsync(string path, IEnumerable<TripleRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(records);
        await using var file = AtomicFile.Create(path);
        var sink = new ParquetFeatureSink(file.Stream, Columns);
        long rows = 0;
        foreach (var record in records)
        {
            sink.WriteKey(record.Head);
            sink.WriteString(record.Relation);
            sink.WriteString(record.Tail);
            sink.WriteString(record.Status);
            sink.WriteString(record.Source);
            sink.WriteString(record.Reason);
            await sink.EndRowAsync(cancellationToken).ConfigureAwait(false);
            rows++;
        }

        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Reads a triples file back.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete triples file; the message names it and the missing column.</exception>
    public static async Task<IReadOnlyList<TripleRecord>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var table = await ParquetFeatureReader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        var columns = Columns.Select(c => table.Find(c.Name)?.Values
            ?? throw new InvalidDataException($"'{path}' has no '{c.Name}' column, so it is not a triples file; write it with {nameof(TriplesFile)}.{nameof(WriteAsync)}.")).ToArray();
        return [.. Enumerable.Range(0, table.Rows).Select(r => new TripleRecord(
            (string)columns[0][r]!, (string)columns[1][r]!, (string)columns[2][r]!, (string)columns[3][r]!, (string)columns[4][r]!, (string?)columns[5][r]))];
    }

    /// <summary>The status as the file writes it.</summary>
    public static string StatusText(TripleStatus status) => status switch
    {
        TripleStatus.Kept => "kept",
        TripleStatus.Fixed => "fixed",
        TripleStatus.Dropped => "dropped",
        _ => "added",
    };
}

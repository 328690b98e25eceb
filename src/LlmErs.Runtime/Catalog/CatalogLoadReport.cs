using System.Text;

namespace LlmErs;

/// <summary>What loading a catalog found: rows read, items kept, duplicate keys with their conflicting values, skipped rows.</summary>
public sealed class CatalogLoadReport
{
    internal CatalogLoadReport(
        string path, CatalogFormat format, bool compressed, int rows, int items, int cleanedValues,
        DuplicateKeyPolicy policy, IReadOnlyList<CatalogDuplicate> duplicates, IReadOnlyList<CatalogRowError> skippedRows)
    {
        Path = path;
        Format = format;
        Compressed = compressed;
        Rows = rows;
        Items = items;
        CleanedValues = cleanedValues;
        DuplicatePolicy = policy;
        Duplicates = duplicates;
        SkippedRows = skippedRows;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The layout read.</summary>
    public CatalogFormat Format { get; }

    /// <summary>Whether the file was gzip-compressed.</summary>
    public bool Compressed { get; }

    /// <summary>Rows read, skipped ones included (blank lines are not rows).</summary>
    public int Rows { get; }

    /// <summary>Items loaded: one per distinct key.</summary>
    public int Items { get; }

    /// <summary>String values the cleaning changed.</summary>
    public int CleanedValues { get; }

    /// <summary>How duplicate keys were resolved.</summary>
    public DuplicateKeyPolicy DuplicatePolicy { get; }

    /// <summary>Every key found on more than one row, in order of first appearance.</summary>
    public IReadOnlyList<CatalogDuplicate> Duplicates { get; }

    /// <summary>The rows skipped under <see cref="InvalidRowPolicy.Skip"/>, with line and problem.</summary>
    public IReadOnlyList<CatalogRowError> SkippedRows { get; }

    /// <summary>Rows dropped or merged away because their key had appeared before.</summary>
    public int DuplicateRows => Duplicates.Sum(duplicate => duplicate.LineNumbers.Count - 1);

    /// <summary>A short summary, then one line per conflicting member and per skipped row.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"{Path} ({Format}{(Compressed ? ", gzip" : "")}): {Rows:N0} rows, {Items:N0} items, {CleanedValues:N0} values cleaned, ")
            .Append($"{Duplicates.Count:N0} duplicate keys over {DuplicateRows:N0} extra rows ({DuplicatePolicy}), {SkippedRows.Count:N0} rows skipped");
        foreach (var duplicate in Duplicates)
        {
            foreach (var conflict in duplicate.Conflicts)
            {
                text.AppendLine().Append($"  key '{duplicate.Key}', member '{conflict.Member}': ")
                    .AppendJoin(", ", conflict.Values.Select(value => $"line {value.LineNumber} {value.Json}"));
            }
        }

        foreach (var row in SkippedRows)
        {
            text.AppendLine().Append($"  line {row.LineNumber} skipped: {row.Problem}");
        }

        return text.ToString();
    }
}

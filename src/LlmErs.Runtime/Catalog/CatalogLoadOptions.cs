namespace LlmErs;

/// <summary>Options of <see cref="CatalogLoader"/>.</summary>
public sealed class CatalogLoadOptions
{
    /// <summary>
    /// The layout; <see langword="null"/> (the default) reads it from the content, never the name: Parquet by its magic
    /// number, JSON Lines when the first non-blank character (after decompression and a byte-order mark) is <c>{</c>,
    /// CSV otherwise. gzip compression is always detected by its magic number.
    /// </summary>
    public CatalogFormat? Format { get; set; }

    /// <summary>The CSV field delimiter; <c>','</c> by default.</summary>
    public char CsvDelimiter { get; set; } = ',';

    /// <summary>Which row stands for a key that appears on several rows; <see cref="DuplicateKeyPolicy.KeepFirst"/> by default.</summary>
    public DuplicateKeyPolicy Duplicates { get; set; } = DuplicateKeyPolicy.KeepFirst;

    /// <summary>What to do with a row that cannot be read; <see cref="InvalidRowPolicy.Fail"/> by default.</summary>
    public InvalidRowPolicy InvalidRows { get; set; } = InvalidRowPolicy.Fail;

    /// <summary>The cleaning of string members, applied to each row's values before the item is built (so <c>init</c>-only members are cleaned too).</summary>
    public CatalogCleaningOptions Cleaning { get; set; } = new();
}

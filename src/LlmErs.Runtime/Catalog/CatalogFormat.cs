namespace LlmErs;

/// <summary>The layout of a catalog file.</summary>
public enum CatalogFormat
{
    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines,
    /// <summary>Delimited text with a header line naming the columns (RFC 4180 quoting).</summary>
    Csv,
    /// <summary>Parquet with flat columns.</summary>
    Parquet,
}

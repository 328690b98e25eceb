namespace LlmErs;

/// <summary>A key that appears on several rows: where, which row was kept, and which members disagree.</summary>
/// <param name="Key">The <see cref="ItemKeyAttribute"/> value.</param>
/// <param name="LineNumbers">Every row with the key, in file order (lines, or rows for Parquet).</param>
/// <param name="Conflicts">The members whose non-null values differ between those rows; empty for exact copies.</param>
public sealed record CatalogDuplicate(string Key, IReadOnlyList<int> LineNumbers, IReadOnlyList<CatalogConflict> Conflicts);

namespace LlmErs;

/// <summary>One value of a member on one row, as JSON text after cleaning.</summary>
/// <param name="LineNumber">The 1-based line, or row for Parquet.</param>
/// <param name="Json">The value as JSON (<c>"Photo Weekly"</c>, <c>12.5</c>).</param>
public sealed record CatalogValue(int LineNumber, string Json);

namespace LlmErs;

/// <summary>The items of a catalog, one per key in order of first appearance, and what loading them found.</summary>
/// <param name="Items">The items.</param>
/// <param name="Report">Rows, duplicates with conflicting values, skipped rows.</param>
public sealed record CatalogLoadResult<T>(IReadOnlyList<T> Items, CatalogLoadReport Report);

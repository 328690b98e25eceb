namespace LlmErs;

/// <summary>A row the loader skipped (<see cref="InvalidRowPolicy.Skip"/>): its line (row for Parquet) and what was wrong.</summary>
/// <param name="LineNumber">The 1-based line, or row for Parquet.</param>
/// <param name="Problem">What was wrong.</param>
public sealed record CatalogRowError(int LineNumber, string Problem);

namespace LlmErs.Vectors;

/// <summary>A row of a vector matrix and its similarity to a query.</summary>
/// <param name="Row">The row index.</param>
/// <param name="Score">The similarity; higher is more similar.</param>
public readonly record struct ScoredRow(int Row, float Score);

namespace LlmErs;

/// <summary>Identifies one side of a drift comparison.</summary>
/// <param name="FeatureFile">The feature file read.</param>
/// <param name="RunId">The run's id from its manifest; <see langword="null"/> without a manifest.</param>
/// <param name="CompletedAt">When the run completed (UTC); <see langword="null"/> without a manifest.</param>
/// <param name="Rows">Rows in the feature file.</param>
public sealed record DriftRunInfo(string FeatureFile, string? RunId, DateTime? CompletedAt, int Rows);

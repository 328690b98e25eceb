namespace LlmErs;

/// <summary>What an <see cref="EmbeddingStage"/> run did.</summary>
/// <param name="Vectors">Vectors set on items (items × embedding fields).</param>
/// <param name="CacheHits">Vectors read from the cache.</param>
/// <param name="ModelCalls">Calls to the embedding model.</param>
/// <param name="WallTime">How long the run took.</param>
public sealed record EmbeddingReport(int Vectors, int CacheHits, int ModelCalls, TimeSpan WallTime);

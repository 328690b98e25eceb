namespace LlmErs;

/// <summary>What an <see cref="EmbeddingStage"/> run did.</summary>
/// <param name="Vectors">Vectors set on items (items × embedding fields).</param>
/// <param name="CacheHits">Vectors read from the cache.</param>
/// <param name="ModelCalls">Calls to the embedding model.</param>
/// <param name="WallTime">How long the run took.</param>
public sealed record EmbeddingReport(int Vectors, int CacheHits, int ModelCalls, TimeSpan WallTime)
{
    /// <summary>
    /// Texts the model cut to its token window (their vectors describe only the beginning), as the generator reports
    /// them under <see cref="EmbeddingUsage.TruncatedInputCount"/>; 0 when it reports none.
    /// </summary>
    public int TruncatedTexts { get; init; }
}

namespace LlmErs;

/// <summary>
/// Stores bytes under their content address (<see cref="CacheKey"/>): validated LLM answers as UTF-8 JSON and
/// embeddings as little-endian float32 values, so that a re-run pays only for what changed. The enrichment engine
/// counts a field as done only once <see cref="SetAsync"/> has completed, so an implementation must not complete it
/// before the entry would survive the process being killed.
/// </summary>
public interface IEnrichmentCache
{
    /// <summary>Looks up the bytes stored under <paramref name="key"/>.</summary>
    ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/>, replacing any entry; completes once the entry is
    /// durable. Keep a copy of the bytes, not the memory: the caller may reuse it once the returned task completes.
    /// </summary>
    ValueTask SetAsync(CacheKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);
}

namespace LlmErs;

/// <summary>
/// Stores validated LLM answers under their content address (<see cref="CacheKey"/>), so that a re-run pays only for
/// what changed. The enrichment engine counts a field as done only once <see cref="SetAsync"/> has completed, so an
/// implementation must not complete it before the entry would survive the process being killed.
/// </summary>
public interface IEnrichmentCache
{
    /// <summary>Looks up the answer stored under <paramref name="key"/>.</summary>
    ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="answer"/> under <paramref name="key"/>, replacing any entry; completes once the entry is durable.</summary>
    ValueTask SetAsync(CacheKey key, string answer, CancellationToken cancellationToken = default);
}

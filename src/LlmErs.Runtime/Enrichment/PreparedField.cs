
namespace LlmErs;

/// <summary>
/// One field of one item after rendering and the cache lookup: either already applied from the cache, or a request to
/// make (its cleaned prompt and cache key), or a failure to render.
/// </summary>
internal readonly record struct PreparedField(
    HygienicPrompt Prompt, CacheKey Key, bool FromCache, bool RecomputesCorruptEntry, EnrichmentFailure? Failure);

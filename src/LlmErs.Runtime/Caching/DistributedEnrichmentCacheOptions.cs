using Microsoft.Extensions.Caching.Distributed;

namespace LlmErs;

/// <summary>Options of <see cref="DistributedEnrichmentCache"/>.</summary>
public sealed class DistributedEnrichmentCacheOptions
{
    /// <summary>Prefix of every key written to the distributed cache, so that LlmErs entries share it safely. Default <c>llmers:</c>.</summary>
    public string KeyPrefix { get; set; } = "llmers:";

    /// <summary>Expiration of the entries; by default they never expire.</summary>
    public DistributedCacheEntryOptions EntryOptions { get; set; } = new();
}

namespace LlmErs.Redis;

/// <summary>Options of <see cref="RedisEnrichmentCache"/>.</summary>
public sealed class RedisEnrichmentCacheOptions
{
    /// <summary>Prefix of every cache key, so that LlmErs entries share a database safely. Default <c>llmers:cache:</c>.</summary>
    public string KeyPrefix { get; set; } = "llmers:cache:";

    /// <summary>How long an entry lives; <see langword="null"/> (the default) keeps entries until they are deleted.</summary>
    public TimeSpan? Expiry { get; set; }

    /// <summary>The Redis database number; -1 (the default) is the connection's default database.</summary>
    public int Database { get; set; } = -1;
}

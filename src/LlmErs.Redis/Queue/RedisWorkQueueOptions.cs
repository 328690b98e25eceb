namespace LlmErs.Redis;

/// <summary>Options of <see cref="RedisWorkQueue"/> and of the <see cref="RedisEnrichmentWorker"/>s that drain it.</summary>
public sealed class RedisWorkQueueOptions
{
    /// <summary>
    /// The queue's name: one name per catalog run. Every key of the queue is <c>llmers:{Name}:…</c>, with the name as the
    /// Redis Cluster hash tag so that they live on one node. Default <c>enrichment</c>.
    /// </summary>
    public string Name { get; set; } = "enrichment";

    /// <summary>The Redis Streams consumer group the workers join. Default <c>workers</c>.</summary>
    public string ConsumerGroup { get; set; } = "workers";

    /// <summary>
    /// How long an item claimed by a worker may go untouched before another worker takes it over. A live worker touches
    /// its items four times per timeout, however long the model takes, so only a dead or frozen worker loses them.
    /// Default 30 seconds.
    /// </summary>
    public TimeSpan ClaimIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most items one worker holds at once (claimed and not yet done). Keep it at or above four times the engine's
    /// <see cref="EnrichmentOptions.MaxConcurrency"/>, the items the engine works on at once. Default 32.
    /// </summary>
    public int MaxClaimedItems { get; set; } = 32;

    /// <summary>How long an idle worker waits before it looks for work again. Default 250 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The Redis database number; -1 (the default) is the connection's default database.</summary>
    public int Database { get; set; } = -1;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException(
                $"{nameof(RedisWorkQueueOptions)}.{nameof(Name)} '{Name}' must be a non-empty name without braces (it is the keys' cluster hash tag).", nameof(Name));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(ConsumerGroup, nameof(ConsumerGroup));
        Positive(ClaimIdleTimeout, nameof(ClaimIdleTimeout));
        Positive(PollInterval, nameof(PollInterval));
        if (MaxClaimedItems < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxClaimedItems), MaxClaimedItems, $"{nameof(RedisWorkQueueOptions)}.{nameof(MaxClaimedItems)} must be at least 1.");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(RedisWorkQueueOptions)}.{name} must be positive.");
        }
    }
}

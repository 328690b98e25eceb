namespace LlmErs.Redis;

/// <summary>Options of <see cref="RedisRateLimiter"/>.</summary>
public sealed class RedisRateLimiterOptions
{
    /// <summary>The Redis key of the limit; every limiter with this key shares it. Default <c>llmers:rate-limit</c>.</summary>
    public string Key { get; set; } = "llmers:rate-limit";

    /// <summary>Most permits per <see cref="Window"/>, over every process that shares the key. Required.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window of <see cref="PermitLimit"/>. Default 1 minute (a provider's requests-per-minute quota).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Permits that may be granted at once after a quiet spell; 1 (the default) spaces every permit evenly,
    /// <see cref="Window"/> / <see cref="PermitLimit"/> apart.
    /// </summary>
    public int Burst { get; set; } = 1;

    /// <summary>The Redis database number; -1 (the default) is the connection's default database.</summary>
    public int Database { get; set; } = -1;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Key, nameof(Key));
        if (PermitLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PermitLimit), PermitLimit, $"{nameof(RedisRateLimiterOptions)}.{nameof(PermitLimit)} must be at least 1.");
        }

        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, $"{nameof(RedisRateLimiterOptions)}.{nameof(Window)} must be positive.");
        }

        if (Burst < 1 || Burst > PermitLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(Burst), Burst, $"{nameof(RedisRateLimiterOptions)}.{nameof(Burst)} must be between 1 and {nameof(PermitLimit)} ({PermitLimit}).");
        }
    }
}

namespace LlmErs;

/// <summary>
/// How requests to the model survive transient failures and stay within the provider's limits: a per-attempt timeout,
/// retries with exponential backoff and jitter (honouring <c>Retry-After</c>), a circuit breaker, and rate limits.
/// </summary>
public sealed class EnrichmentResilienceOptions
{
    /// <summary>How long one attempt may take before it is abandoned and retried. Default 60 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a transient failure (HTTP 408, 429, 5xx, network errors, timeouts, an open circuit). Default 6.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>The first retry's delay; each further retry doubles it, with jitter. Default 2 seconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait before a retry, whether from backoff or from a server's <c>Retry-After</c>. Default 1 minute.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Fewest attempts within <see cref="CircuitBreakerSamplingDuration"/> before the circuit may open. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The window over which the failure ratio is measured. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails attempts fast before letting one through. Default 15 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Attempts in a row, across all requests of a run, that could not connect or timed out, after which the run stops
    /// with an <see cref="EnrichmentStoppedException"/>; any answer from the server resets the count. A server that
    /// accepts connections and never answers thus stops a run after about this many attempt timeouts (fewer when
    /// several requests are in flight), and one with nothing listening in seconds. HTTP 401, 403 and 404 stop a run at
    /// once, whatever this says. Default 10.
    /// </summary>
    public int StopAfterConsecutiveFailures { get; set; } = 10;

    /// <summary>
    /// Whether a run first sends one small request per model, so that a wrong URL, port, key or model name stops it at
    /// once with a message that says what to check. Only clients with a provider address
    /// (<see cref="Microsoft.Extensions.AI.ChatClientMetadata.ProviderUri"/>) are checked: an in-process client, such as
    /// the offline one, needs none. Each model is checked once per engine. Default <see langword="true"/>.
    /// </summary>
    public bool Preflight { get; set; } = true;

    /// <summary>Most requests started in any minute, or <see langword="null"/> for no limit. Default <see langword="null"/>.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>
    /// Most tokens (prompt estimate plus the answer allowance) requested in any minute, or <see langword="null"/> for no
    /// limit. Default <see langword="null"/>.
    /// </summary>
    public int? TokensPerMinute { get; set; }

    /// <summary>
    /// A limiter every attempt acquires one permit from, after <see cref="RequestsPerMinute"/> and
    /// <see cref="TokensPerMinute"/>: a limit shared with other engines, e.g. one provider quota spread over worker
    /// processes (LlmErs.Redis's <c>RedisRateLimiter</c>). The caller owns and disposes it. Default <see langword="null"/>.
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? SharedRateLimiter { get; set; }

    internal void Validate()
    {
        Positive(AttemptTimeout, nameof(AttemptTimeout));
        Positive(MaxDelay, nameof(MaxDelay));
        Positive(CircuitBreakerSamplingDuration, nameof(CircuitBreakerSamplingDuration));
        Positive(CircuitBreakerBreakDuration, nameof(CircuitBreakerBreakDuration));
        if (BaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, $"{nameof(EnrichmentResilienceOptions)}.{nameof(BaseDelay)} must not be negative.");
        }

        if (MaxRetryAttempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAttempts), MaxRetryAttempts, $"{nameof(EnrichmentResilienceOptions)}.{nameof(MaxRetryAttempts)} must not be negative.");
        }

        if (StopAfterConsecutiveFailures < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(StopAfterConsecutiveFailures), StopAfterConsecutiveFailures, $"{nameof(EnrichmentResilienceOptions)}.{nameof(StopAfterConsecutiveFailures)} must be at least 1.");
        }

        if (CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CircuitBreakerFailureRatio), CircuitBreakerFailureRatio, $"{nameof(EnrichmentResilienceOptions)}.{nameof(CircuitBreakerFailureRatio)} must be in (0, 1].");
        }

        if (CircuitBreakerMinimumThroughput < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(CircuitBreakerMinimumThroughput), CircuitBreakerMinimumThroughput, $"{nameof(EnrichmentResilienceOptions)}.{nameof(CircuitBreakerMinimumThroughput)} must be at least 2.");
        }

        if (RequestsPerMinute is < 1 || TokensPerMinute is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestsPerMinute), $"{nameof(EnrichmentResilienceOptions)}.{nameof(RequestsPerMinute)} and {nameof(TokensPerMinute)} must be positive when set.");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(EnrichmentResilienceOptions)}.{name} must be positive.");
        }
    }
}

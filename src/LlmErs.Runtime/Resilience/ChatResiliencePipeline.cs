using System.Diagnostics.CodeAnalysis;
using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace LlmErs;

/// <summary>
/// Builds the Polly pipeline every model request runs through. Outermost first: retry (exponential backoff with jitter,
/// or the server's <c>Retry-After</c>), circuit breaker, concurrency limit, rate limiter, the run's endpoint guard,
/// per-attempt timeout — so that each attempt waits for its own permits, a retry waiting out its backoff holds no
/// concurrency slot, only the call itself is timed, and the guard sees every attempt's outcome.
/// </summary>
internal static class ChatResiliencePipeline
{
    public const string Name = "LlmErs.Enrichment";

    /// <summary>Counts the retries of one request, for the run's accounting.</summary>
    public static readonly ResiliencePropertyKey<RetryCounter> Retries = new("LlmErs.Retries");

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "AddStrategy validates options by their data annotations; the endpoint guard's options have no members.")]
    public static ResiliencePipeline<ChatResponse> Create(
        EnrichmentResilienceOptions options, int maxConcurrentRequests, ChatRateLimiter? rateLimiter, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        var builder = new ResiliencePipelineBuilder<ChatResponse> { Name = Name, TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            AddRetry(builder, options, timeProvider);
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<ChatResponse>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && ProviderErrors.IsProviderFailure(exception)),
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
        });
        builder.AddConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        if (rateLimiter is not null)
        {
            builder.AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = rateLimiter.AcquireAsync });
        }

        if (options.SharedRateLimiter is { } shared)
        {
            builder.AddRateLimiter(shared);
        }

        builder.AddStrategy(_ => new EndpointGuardStrategy(), new EndpointGuardStrategy.Options());
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        if (loggerFactory is not null)
        {
            builder.ConfigureTelemetry(loggerFactory);
        }

        return builder.Build();
    }

    private static void AddRetry(ResiliencePipelineBuilder<ChatResponse> builder, EnrichmentResilienceOptions options, TimeProvider timeProvider) =>
        builder.AddRetry(new RetryStrategyOptions<ChatResponse>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && ProviderErrors.IsTransient(exception)),
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            DelayGenerator = args => ValueTask.FromResult(
                ProviderErrors.RetryAfter(args.Outcome.Exception, timeProvider.GetUtcNow()) is { } wait
                    ? (TimeSpan?)(wait < options.MaxDelay ? wait : options.MaxDelay)
                    : null),
            OnRetry = args =>
            {
                if (args.Context.Properties.TryGetValue(Retries, out var counter))
                {
                    counter.Increment();
                }

                return default;
            },
        });
}

using System.Globalization;
using Polly;

namespace LlmErs;

/// <summary>
/// Watches every attempt of one run and stops the run when the endpoint cannot serve it: at once on HTTP 401, 403 or
/// 404, which no retry changes, and after <see cref="EnrichmentResilienceOptions.StopAfterConsecutiveFailures"/>
/// attempts in a row, across all requests, that could not connect or timed out. Any answer from the server, even an
/// error, resets the count. Without it a dead endpoint costs every item its full retry schedule, and a server that
/// accepts connections and never answers keeps the circuit breaker closed for ever.
/// </summary>
internal sealed class EndpointGuard : IDisposable
{
    /// <summary>The run's guard, carried in each request's resilience context.</summary>
    public static readonly ResiliencePropertyKey<EndpointGuard> Key = new("LlmErs.EndpointGuard");

    private readonly CancellationTokenSource _stopping;
    private readonly string _endpoint;
    private readonly EnrichmentResilienceOptions _options;
    private int _consecutive;
    private EnrichmentStop? _stop;

    /// <param name="endpoint">The endpoint and models, as the stop message names them.</param>
    /// <param name="options">The limit and the timeout the message names.</param>
    /// <param name="cancellationToken">The caller's token; <see cref="Token"/> is cancelled with it.</param>
    public EndpointGuard(string endpoint, EnrichmentResilienceOptions options, CancellationToken cancellationToken)
    {
        _endpoint = endpoint;
        _options = options;
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Cancelled when the guard stops the run, or by the caller.</summary>
    public CancellationToken Token => _stopping.Token;

    /// <summary>Why the run stopped; null while it runs.</summary>
    public EnrichmentStop? Stop => Volatile.Read(ref _stop);

    /// <summary>Counts one attempt's outcome: <paramref name="exception"/> is null when it succeeded.</summary>
    public void Observe(Exception? exception)
    {
        var reason = exception is null ? null : EndpointFailures.Classify(exception);
        switch (reason)
        {
            case null:
                Volatile.Write(ref _consecutive, 0);
                break;
            case StopReason.Unauthorized or StopReason.NotFound:
                Trip(reason.Value, $"A request to {_endpoint}", exception!);
                break;
            default:
                var count = Interlocked.Increment(ref _consecutive);
                if (count >= _options.StopAfterConsecutiveFailures)
                {
                    Trip(reason.Value, string.Create(CultureInfo.InvariantCulture, $"The run stopped: {count} attempts in a row to {_endpoint}"), exception!);
                }

                break;
        }
    }

    public void Dispose() => _stopping.Dispose();

    private void Trip(StopReason reason, string what, Exception exception)
    {
        if (Interlocked.CompareExchange(ref _stop, EndpointFailures.Stop(reason, what, exception, _options), null) is null)
        {
            _stopping.Cancel();
        }
    }
}

using System.ClientModel;
using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace LlmErs;

/// <summary>
/// Reads what provider exceptions say: the HTTP status (from <see cref="HttpRequestException"/> or the OpenAI/Azure SDKs'
/// <see cref="ClientResultException"/>), whether a retry can help, how long the server asked to wait, and whether a
/// content filter rejected the request.
/// </summary>
internal static class ProviderErrors
{
    public static int? StatusOf(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } client => client.Status,
        HttpRequestException { StatusCode: { } status } => (int)status,
        _ => null,
    };

    /// <summary>Whether an attempt ran out of time: the pipeline's attempt timeout, or the client's own network timeout.</summary>
    public static bool IsTimeout(Exception exception) =>
        exception is TimeoutRejectedException or TimeoutException or OperationCanceledException { InnerException: TimeoutException };

    public static bool IsTransient(Exception exception) => exception switch
    {
        _ when IsTimeout(exception) => true,
        BrokenCircuitException or RateLimiterRejectedException or IOException => true,
        ClientResultException or HttpRequestException => StatusOf(exception) is not { } status || IsTransientStatus(status),
        _ => false,
    };

    /// <summary>Whether an exception counts against the circuit: a failure of the provider, not a wait imposed by this pipeline.</summary>
    public static bool IsProviderFailure(Exception exception) =>
        exception is not (BrokenCircuitException or RateLimiterRejectedException) && IsTransient(exception);

    public static bool IsContentFilter(Exception exception) =>
        exception is ClientResultException or HttpRequestException &&
        (Mentions(exception.Message) || (exception is ClientResultException client && Mentions(client.GetRawResponse()?.Content?.ToString())));

    public static TimeSpan? RetryAfter(Exception? exception, DateTimeOffset now) => exception switch
    {
        BrokenCircuitException broken => broken.RetryAfter,
        RateLimiterRejectedException rejected => rejected.RetryAfter,
        ClientResultException client when client.GetRawResponse() is { } response => RetryAfter(response.Headers, now),
        _ => null,
    };

    private static TimeSpan? RetryAfter(System.ClientModel.Primitives.PipelineResponseHeaders headers, DateTimeOffset now)
    {
        // OpenAI and Azure OpenAI send the millisecond form; the standard header holds seconds or an HTTP date.
        if (headers.TryGetValue("retry-after-ms", out var milliseconds) &&
            double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (headers.TryGetValue("Retry-After", out var retryAfter))
        {
            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;

    private static bool Mentions(string? text) =>
        text is not null && text.Contains("content_filter", StringComparison.OrdinalIgnoreCase);
}

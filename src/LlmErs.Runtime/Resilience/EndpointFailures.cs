using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;

namespace LlmErs;

/// <summary>
/// Tells the failures that say the endpoint itself cannot serve a run (nothing listening, no answer, a refused key, an
/// unknown model or path) from those of single requests, and words the stop: the endpoint, the models, the last error
/// with its secrets masked, and what to check.
/// </summary>
internal static class EndpointFailures
{
    public static StopReason? Classify(Exception exception)
    {
        if (ProviderErrors.StatusOf(exception) is { } status)
        {
            return status switch
            {
                401 or 403 => StopReason.Unauthorized,
                404 => StopReason.NotFound,
                _ => null,
            };
        }

        if (ProviderErrors.IsTimeout(exception))
        {
            return StopReason.NoAnswer;
        }

        return exception is HttpRequestException or IOException or SocketException or ClientResultException ? StopReason.Unreachable : null;
    }

    /// <param name="reason">What <see cref="Classify"/> found.</param>
    /// <param name="what">What failed, e.g. "The preflight request to model 'x' at http://…", as the message's opening.</param>
    /// <param name="exception">The last failure.</param>
    /// <param name="options">The options the advice names.</param>
    public static EnrichmentStop Stop(StopReason reason, string what, Exception exception, EnrichmentResilienceOptions options)
    {
        var status = ProviderErrors.StatusOf(exception) is { } code ? $"HTTP {code}, " : "";
        var check = reason switch
        {
            StopReason.Unreachable => "Nothing answered at that address: check the URL and port, that the server is running, and that this machine can reach it.",
            StopReason.NoAnswer =>
                $"No answer within {options.AttemptTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s: check that the URL and port point at an OpenAI-compatible API " +
                "(a wrong port or a proxy may accept connections and never answer) and that the server is not overloaded, or raise " +
                $"{nameof(EnrichmentResilienceOptions)}.{nameof(EnrichmentResilienceOptions.AttemptTimeout)} for a slow model.",
            StopReason.Unauthorized => "The credentials were refused: check the API key, and that it may use the model.",
            _ => "Check the model name, and the URL's path: an OpenAI-compatible base address ends in the API version, e.g. /v1.",
        };
        return new EnrichmentStop(reason,
            $"{what} failed ({status}{exception.GetType().Name}: {SecretMask.Apply(exception.Message)}). {check} " +
            "Answers received so far are cached; a re-run continues from them.");
    }
}

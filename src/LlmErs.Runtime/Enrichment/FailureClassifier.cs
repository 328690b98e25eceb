using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;

namespace LlmErs;

/// <summary>Turns what ended a field's requests — an exception after every retry, or a refusal — into a failure that says what to do.</summary>
internal static class FailureClassifier
{
    private const string Rerun = "Completed fields are cached: re-run to retry only what failed.";

    public static EnrichmentFailure FromException(Exception exception, string key, string field, EnrichmentResilienceOptions options)
    {
        var where = $"Item '{key}', field '{field}'";
        if (ProviderErrors.IsTimeout(exception))
        {
            return new(FailureReason.Timeout, field,
                $"{where}: no answer within {options.AttemptTimeout.TotalSeconds:0.###} s on any of {options.MaxRetryAttempts + 1} attempts. " +
                $"Raise {nameof(EnrichmentOptions.Resilience)}.{nameof(EnrichmentResilienceOptions.AttemptTimeout)} if the model is slow. {Rerun}");
        }

        if (ProviderErrors.IsContentFilter(exception))
        {
            return new(FailureReason.Refusal, field,
                $"{where}: the provider's content filter rejected the request ({SecretMask.Apply(exception.Message)}). Review the item's text.");
        }

        if (ProviderErrors.StatusOf(exception) is { } status && status is 400 or 413 or 422)
        {
            return new(FailureReason.BadInput, field,
                $"{where}: the provider rejected the request as invalid (HTTP {status}: {SecretMask.Apply(exception.Message)}). " +
                "Check the item's data, the field's prompt budget and the chat options.");
        }

        var cause = exception is BrokenCircuitException
            ? "the circuit breaker stayed open after repeated provider failures"
            : $"{exception.GetType().Name}: {SecretMask.Apply(exception.Message)}";
        var fate = ProviderErrors.IsTransient(exception) ? "failed after every retry" : "was rejected, and is not retried";
        return new(FailureReason.Transport, field, $"{where}: the request {fate} ({cause}). {Rerun}");
    }

    public static EnrichmentFailure? FromResponse(ChatResponse response, string key, string field)
    {
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return new(FailureReason.Refusal, field,
                $"Item '{key}', field '{field}': the provider's content filter blocked the answer. Review the item's text.");
        }

        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is ErrorContent error)
                {
                    return new(FailureReason.Refusal, field,
                        $"Item '{key}', field '{field}': the model declined to answer ({SecretMask.Apply(error.Message)}). Review the item's text or the field's prompt.");
                }
            }
        }

        return null;
    }
}

namespace LlmErs;

/// <summary>Why an item could not be enriched.</summary>
public enum FailureReason
{
    /// <summary>
    /// The provider could not be reached or kept failing after every retry (network errors, HTTP 429 and 5xx, an open
    /// circuit), or rejected the request with a status no retry changes.
    /// </summary>
    Transport,

    /// <summary>Every attempt ran past <see cref="EnrichmentResilienceOptions.AttemptTimeout"/>.</summary>
    Timeout,

    /// <summary>The answer was still invalid after <see cref="EnrichmentOptions.MaxReasks"/> re-asks with the validation error.</summary>
    InvalidAnswer,

    /// <summary>The model refused, or the provider's content filter blocked the request or the answer.</summary>
    Refusal,

    /// <summary>
    /// The item cannot be turned into a valid request: an empty or duplicate key, a prompt that fails to render, or a
    /// request the provider rejects as malformed (HTTP 400, 413, 422).
    /// </summary>
    BadInput,
}

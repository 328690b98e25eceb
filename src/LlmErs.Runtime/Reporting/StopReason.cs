namespace LlmErs;

/// <summary>Why a run stopped before every item was done: the endpoint, not the items, is at fault.</summary>
public enum StopReason
{
    /// <summary>Nothing answered at the endpoint's address: connections were refused, reset or could not be made.</summary>
    Unreachable,

    /// <summary>The endpoint accepted requests but did not answer them within <see cref="EnrichmentResilienceOptions.AttemptTimeout"/>.</summary>
    NoAnswer,

    /// <summary>The endpoint refused the credentials (HTTP 401 or 403).</summary>
    Unauthorized,

    /// <summary>The endpoint does not know the model or the path (HTTP 404).</summary>
    NotFound,
}

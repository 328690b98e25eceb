namespace LlmErs;

/// <summary>
/// A run stopped because the endpoint cannot serve it: its preflight request failed, it refused a request with HTTP
/// 401, 403 or 404, or <see cref="EnrichmentResilienceOptions.StopAfterConsecutiveFailures"/> attempts in a row could not
/// connect or timed out. Answers received before the stop are cached, so a re-run continues where this one stopped.
/// </summary>
public sealed class EnrichmentStoppedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stop">Why the run stopped.</param>
    /// <param name="report">What the run did before it stopped, when it was run by <c>RunAsync</c>.</param>
    public EnrichmentStoppedException(EnrichmentStop stop, EnrichmentReport? report = null)
        : base(stop?.Message)
    {
        ArgumentNullException.ThrowIfNull(stop);
        Stop = stop;
        Report = report;
    }

    /// <summary>Why the run stopped.</summary>
    public EnrichmentStop Stop { get; }

    /// <summary>The report of the items done before the stop, with <see cref="EnrichmentReport.Stopped"/> set; null for <c>EnrichAsync</c>.</summary>
    public EnrichmentReport? Report { get; }
}

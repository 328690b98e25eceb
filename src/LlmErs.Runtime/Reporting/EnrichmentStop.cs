namespace LlmErs;

/// <summary>Why a run stopped early, and what to check before running again; answers received before the stop stay cached.</summary>
/// <param name="Reason">What the endpoint did.</param>
/// <param name="Message">The endpoint and model, the last error (secrets masked), and what to check.</param>
public sealed record EnrichmentStop(StopReason Reason, string Message);

namespace LlmErs;

/// <summary>Why an item, or one of its fields, failed.</summary>
/// <param name="Reason">The kind of failure.</param>
/// <param name="Field">The field that failed, or <see langword="null"/> when the item itself was rejected (e.g. a duplicate key).</param>
/// <param name="Message">What went wrong, naming the item and the field, and what to do about it.</param>
public sealed record EnrichmentFailure(FailureReason Reason, string? Field, string Message);

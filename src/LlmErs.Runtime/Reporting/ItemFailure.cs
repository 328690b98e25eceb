
namespace LlmErs;

/// <summary>One failed item in a run report.</summary>
/// <param name="Key">The item's key.</param>
/// <param name="Reason">The kind of failure.</param>
/// <param name="Field">The field that failed, or <see langword="null"/> when the item itself was rejected.</param>
/// <param name="Message">What went wrong and what to do about it.</param>
public sealed record ItemFailure(string Key, FailureReason Reason, string? Field, string Message);

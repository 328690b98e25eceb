namespace LlmErs.Vectors;

/// <summary>One response shown to a user: which arm served it and which items it listed.</summary>
/// <param name="RequestId">The response's id, which feedback refers to.</param>
/// <param name="Time">When the response was served.</param>
/// <param name="User">The user it was served to (or the key the split used for anonymous requests).</param>
/// <param name="Arm">The arm that served it.</param>
/// <param name="Items">The item ids shown, in order.</param>
public sealed record ExposureRecord(string RequestId, DateTimeOffset Time, string User, string Arm, IReadOnlyList<string> Items);

namespace LlmErs.Vectors;

/// <summary>A click or conversion on an item of an earlier response.</summary>
/// <param name="RequestId">The id of the response the item was shown in.</param>
/// <param name="Time">When the feedback was recorded.</param>
/// <param name="ItemId">The item clicked or converted on.</param>
/// <param name="Kind">Click or conversion.</param>
public sealed record FeedbackRecord(string RequestId, DateTimeOffset Time, string ItemId, FeedbackKind Kind);

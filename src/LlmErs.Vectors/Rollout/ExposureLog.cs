namespace LlmErs.Vectors;

/// <summary>The contents of an exposure log: what was shown and what users did with it.</summary>
/// <param name="Exposures">The responses shown, in log order.</param>
/// <param name="Feedback">The clicks and conversions, in log order.</param>
public sealed record ExposureLog(IReadOnlyList<ExposureRecord> Exposures, IReadOnlyList<FeedbackRecord> Feedback);

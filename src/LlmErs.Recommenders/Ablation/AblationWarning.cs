namespace LlmErs.Recommenders;

/// <summary>
/// Something that makes part of an ablation untrustworthy, shown in the console (through the runner's logger), marked
/// in the tables and listed under them.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Row">The row concerned, or <see langword="null"/> when the warning is about a protocol (every row).</param>
/// <param name="Message">A sentence saying what was seen and what to do.</param>
/// <param name="Metric">The metric concerned (for <see cref="AblationWarningKind.CutoffCoversCandidates"/>), or <see langword="null"/>.</param>
/// <param name="Table">The key of the table concerned (as in the JSON), or <see langword="null"/> for a row's warning.</param>
public sealed record AblationWarning(AblationWarningKind Kind, string? Row, string Message, Metric? Metric = null, string? Table = null);

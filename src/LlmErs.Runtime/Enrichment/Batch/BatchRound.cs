namespace LlmErs;

/// <summary>The outcome of one round of batches: every answer by custom id, and the batches that gave them.</summary>
internal sealed record BatchRound(IReadOnlyDictionary<string, BatchAnswer> Answers, IReadOnlyList<string> BatchIds);

namespace LlmErs;

/// <summary>How a run hears from its batch mode: each poll's progress, and the report once the batches are used.</summary>
internal sealed record BatchObserver(Action<BatchProgress> Progress, Action<BatchReport> Completed);

namespace LlmErs;

/// <summary>Where an <see cref="OfflinePipeline{TItem}"/> run is: its stage, and how much of that stage is done.</summary>
/// <param name="Stage">The stage running.</param>
/// <param name="Done">Units done in the stage: items enriched, gates run, vectors embedded, fields assigned, files written.</param>
/// <param name="Total">Units the stage has in all.</param>
/// <param name="Batch">In the enrichment stage of a batch-mode run, while its batches are pending: where they stand.</param>
public readonly record struct PipelineProgress(PipelineStage Stage, int Done, int Total, BatchProgress? Batch = null);

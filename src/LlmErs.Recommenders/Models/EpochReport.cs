namespace LlmErs.Recommenders;

/// <summary>What one epoch of training did.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Loss">The mean BPR loss <c>−log σ(score(u, i) − score(u, j))</c> over the epoch's training triples, before the L2 penalty.</param>
/// <param name="DistillationLoss">The mean distillation cross-entropy over the epoch's teacher pairs; <see langword="null"/> without distillation.</param>
/// <param name="ValidationScore">The validation callback's score of the epoch's model; <see langword="null"/> without a callback.</param>
/// <param name="IsBest">Whether this epoch's model is the best so far (always, without a callback).</param>
/// <param name="Elapsed">The time the epoch took, validation included.</param>
public sealed record EpochReport(int Epoch, double Loss, double? DistillationLoss, double? ValidationScore, bool IsBest, TimeSpan Elapsed);

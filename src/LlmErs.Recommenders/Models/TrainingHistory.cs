namespace LlmErs.Recommenders;

/// <summary>The epochs a training run went through and which one it kept.</summary>
/// <param name="Epochs">One report per epoch run, in order.</param>
/// <param name="BestEpoch">The epoch (from 1) whose model was returned.</param>
/// <param name="StoppedEarly">Whether training stopped before the last epoch because validation stopped improving.</param>
/// <param name="Schedule">The batch size, patience and epoch limit the run used; <see langword="null"/> when not recorded.</param>
public sealed record TrainingHistory(IReadOnlyList<EpochReport> Epochs, int BestEpoch, bool StoppedEarly, TrainingSchedule? Schedule = null);

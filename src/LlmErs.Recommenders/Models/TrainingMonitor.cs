
namespace LlmErs.Recommenders;

/// <summary>What training reports to and asks of its caller after each epoch: validation for early stopping, and progress.</summary>
public sealed class TrainingMonitor
{
    /// <summary>
    /// Scores the model of the epoch just finished on validation data, higher is better (e.g. NDCG@10). With it,
    /// training stops after <see cref="TrainingSchedule.Patience"/> epochs without a better score and returns the best
    /// epoch's model; without it, training runs every epoch and returns the last one. The scorer is the model training
    /// would return, and stays valid after the call.
    /// </summary>
    public Func<IItemScorer, double>? Validate { get; init; }

    /// <summary>
    /// A caller's epoch budget that overrides <see cref="BprOptions.Epochs"/>, e.g. the same for every model of an
    /// ablation; <see langword="null"/> (the default) keeps the model's own.
    /// </summary>
    public int? MaxEpochs { get; init; }

    /// <summary>A caller's patience that overrides <see cref="BprOptions.Patience"/>; <see langword="null"/> keeps the model's own (or the derived one).</summary>
    public int? Patience { get; init; }

    /// <summary>Receives a report after each epoch.</summary>
    public IProgress<EpochReport>? Progress { get; init; }
}

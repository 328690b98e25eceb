namespace LlmErs.Recommenders;

/// <summary>
/// The batch size, patience and epoch limit one training run uses: those <see cref="BprOptions"/> and
/// <see cref="TrainingMonitor"/> set, and the unset ones derived from the number of training interactions, so that a
/// small log gets enough optimizer steps an epoch and enough epochs of patience to train at all.
/// </summary>
/// <remarks>
/// <para>Derived batch size: ⌈interactions / <see cref="TargetStepsPerEpoch"/>⌉, clamped to
/// [<see cref="MinBatchSize"/>, <see cref="MaxBatchSize"/>]. A 1.6k-interaction log gets batches of 32 (50 steps an
/// epoch) where a fixed 1,024 gave two; MovieLens ml-latest-small (≈100k) keeps 1,024.</para>
/// <para>Derived patience: the epochs that make <see cref="PatienceSteps"/> optimizer steps, clamped to
/// [<see cref="MinPatience"/>, <see cref="MaxPatience"/>]: an epoch of few steps barely moves the model, so
/// validation needs more of them before it can tell a plateau.</para>
/// </remarks>
/// <param name="BatchSize">Positive interactions per mini-batch.</param>
/// <param name="Patience">Epochs without a better validation score before training stops.</param>
/// <param name="Epochs">The most epochs.</param>
/// <param name="StepsPerEpoch">Optimizer steps in one epoch.</param>
public sealed record TrainingSchedule(int BatchSize, int Patience, int Epochs, int StepsPerEpoch)
{
    /// <summary>The steps an epoch aims for when the batch size is derived.</summary>
    public const int TargetStepsPerEpoch = 64;

    /// <summary>The smallest derived batch size.</summary>
    public const int MinBatchSize = 32;

    /// <summary>The largest derived batch size.</summary>
    public const int MaxBatchSize = 1024;

    /// <summary>The optimizer steps without improvement that derived patience waits for.</summary>
    public const int PatienceSteps = 1000;

    /// <summary>The least derived patience, in epochs.</summary>
    public const int MinPatience = 5;

    /// <summary>The most derived patience, in epochs.</summary>
    public const int MaxPatience = 25;

    /// <summary>The schedule for <paramref name="interactions"/> training interactions.</summary>
    /// <param name="options">The training options; unset <see cref="BprOptions.BatchSize"/> and <see cref="BprOptions.Patience"/> are derived.</param>
    /// <param name="interactions">The number of positive training interactions.</param>
    /// <param name="monitor">A caller's budget (<see cref="TrainingMonitor.MaxEpochs"/>, <see cref="TrainingMonitor.Patience"/>) overrides the options.</param>
    public static TrainingSchedule For(BprOptions options, int interactions, TrainingMonitor? monitor = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(interactions);
        var batchSize = options.BatchSize ?? Math.Clamp((interactions + TargetStepsPerEpoch - 1) / TargetStepsPerEpoch, MinBatchSize, MaxBatchSize);
        var steps = Math.Max(1, (interactions + batchSize - 1) / batchSize);
        var patience = monitor?.Patience ?? options.Patience ?? Math.Clamp((PatienceSteps + steps - 1) / steps, MinPatience, MaxPatience);
        return new TrainingSchedule(batchSize, patience, monitor?.MaxEpochs ?? options.Epochs, steps);
    }

    /// <summary>The most triples a mini-batch holds: per positive, its negatives and the teacher's extra pairs; then its share of the augmented pairs.</summary>
    internal int TriplesPerBatch(BprOptions options) =>
        checked((BatchSize * (options.NegativeSamples + (options.ActiveDistillation?.PairsPerPositive ?? 0))) + AugmentedPairsPerBatch(options));

    /// <summary>The most distinct users a mini-batch holds: one per positive, and one per augmented pair.</summary>
    internal int UsersPerBatch(BprOptions options) => checked(BatchSize + AugmentedPairsPerBatch(options));

    /// <summary>The most augmented pairs one mini-batch takes: every pair once an epoch, spread evenly over its steps.</summary>
    internal int AugmentedPairsPerBatch(BprOptions options) =>
        options.ActiveAugmentedPairs is { } pairs ? (pairs.Pairs.Count + StepsPerEpoch - 1) / StepsPerEpoch : 0;
}

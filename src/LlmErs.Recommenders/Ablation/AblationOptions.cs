
namespace LlmErs.Recommenders;

/// <summary>Options of <see cref="AblationRunner"/>.</summary>
public sealed class AblationOptions
{
    /// <summary>The models to train, baselines and enhanced variants; <see cref="AblationModel.Defaults"/> by default. Rows follow this order.</summary>
    public IReadOnlyList<AblationModel> Models { get; init; } = AblationModel.Defaults();

    /// <summary>
    /// The final evaluation of every row on the test part: its metrics are the tables' columns (NDCG@10, Recall@20,
    /// HitRate@10 and AUC by default), with bootstrap intervals, slices and threads as set there.
    /// </summary>
    public EvaluationOptions Evaluation { get; init; } = new() { Metrics = [Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc] };

    /// <summary>
    /// The metric early stopping maximizes on the split's validation part (full ranking; for a cold-item split, among
    /// the withheld validation items); NDCG@10 by default. Never the test part.
    /// </summary>
    public Metric ValidationMetric { get; init; } = Metric.Ndcg(10);

    /// <summary>
    /// The validation budget every trained row gets, the same for all: at most this many epochs, each one validated
    /// once (so every model sees the validation part equally often), overriding each model's
    /// <see cref="BprOptions.Epochs"/>. Default 50.
    /// </summary>
    public int EpochBudget { get; init; } = 50;

    /// <summary>
    /// Epochs without a better validation score before any row stops, overriding each model's
    /// <see cref="BprOptions.Patience"/>; <see langword="null"/> (the default) derives one value from the training
    /// log's size (<see cref="TrainingSchedule"/> with the default batch size) and gives it to every row.
    /// </summary>
    public int? Patience { get; init; }

    /// <summary>
    /// The model the tables compare every row with (the relative change of the first metric); <see cref="AblationModel.IdOnlyBprName"/>
    /// by default; <see langword="null"/> for no comparison column.
    /// </summary>
    public string? Reference { get; init; } = AblationModel.IdOnlyBprName;

    /// <summary>
    /// A removable block of extra training pairs (e.g. LLM-chosen ones, <see cref="Recommenders.AugmentedPairs"/>):
    /// models that take it (<see cref="AblationModel.WithAugmentedPairs"/>) train with it, and each enhanced one once
    /// more without it, in a row named after <see cref="AugmentedPairs.Name"/>. <see langword="null"/> (the default) for none.
    /// </summary>
    public AugmentedPairs? AugmentedPairs { get; init; }

    /// <summary>
    /// The enhanced models that get a row per removed block; <see langword="null"/> (the default) for every enhanced
    /// model. Removing blocks from one model attributes each block's gain at the cost of one row per block, where every
    /// model would cost a row per block and model.
    /// </summary>
    public IReadOnlyCollection<string>? BlockRemovalModels { get; init; }

    /// <summary>
    /// A folder where each trained row's model and training history are kept under a digest of everything its training
    /// reads (the split, the blocks it is given, the model's <see cref="AblationModel.Fingerprint"/>, the budget, the
    /// validation metric and the library version); <see langword="null"/> (the default) for none. A later run whose row
    /// has the same digest loads them instead of training and evaluates as usual, so its numbers are those of training
    /// again. Rows whose model has no fingerprint, or whose trained model cannot be saved, always train.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// How many rows train at once; 1 (the default) trains them one after another. A row's numbers do not depend on it
    /// (each trains from its own seed, and training gives the same bits on any thread count), so more rows at once only
    /// fill cores that one row's training leaves idle, at the cost of the memory of each row in flight. Each row then
    /// trains and ranks on its share of the cores (<see cref="AblationFitContext.MaxDegreeOfParallelism"/>), whatever
    /// its options allow. A row's <see cref="AblationRow.TrainingTime"/> is measured while others train beside it.
    /// </summary>
    public int MaxConcurrentRows { get; init; } = 1;

    /// <summary>
    /// Slots shared with ablations that run at the same time (one per protocol, say); <see langword="null"/> (the
    /// default) for none. Rows then train at most <see cref="AblationRowSlots.Count"/> at once across every runner given
    /// the same slots, each on its share of the cores as with that many <see cref="MaxConcurrentRows"/>, which stays 1
    /// or equals the count.
    /// </summary>
    public AblationRowSlots? RowSlots { get; init; }

    /// <summary>How many rows of this runner may train at once: the slots' count when there are slots.</summary>
    internal int ConcurrentRows => RowSlots?.Count ?? MaxConcurrentRows;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Models, nameof(Models));
        ArgumentNullException.ThrowIfNull(Evaluation, nameof(Evaluation));
        ArgumentOutOfRangeException.ThrowIfLessThan(EpochBudget, 1, nameof(EpochBudget));
        ArgumentOutOfRangeException.ThrowIfLessThan(Patience ?? 1, 1, nameof(Patience));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRows, 1, nameof(MaxConcurrentRows));
        if (RowSlots is { Count: var slots } && MaxConcurrentRows != 1 && MaxConcurrentRows != slots)
        {
            throw new ArgumentException(
                $"{nameof(MaxConcurrentRows)} is {MaxConcurrentRows} and the {nameof(RowSlots)} hold {slots}; with shared slots, leave {nameof(MaxConcurrentRows)} at 1 (the slots decide how many rows train at once).",
                nameof(RowSlots));
        }

        if (Models.Count == 0)
        {
            throw new ArgumentException("Name at least one model to train.", nameof(Models));
        }

        if (Models.Any(model => model is null))
        {
            throw new ArgumentException("A model is null.", nameof(Models));
        }

        var repeated = Models.GroupBy(model => model.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Two models are named '{repeated.Key}'; give each a distinct name, as the tables show rows by name.", nameof(Models));
        }

        if (AugmentedPairs is not null && !Models.Any(model => model.UsesAugmentedPairs))
        {
            throw new ArgumentException($"The run has {AugmentedPairs.Name} but no model takes them; add one with {nameof(AblationModel)}.{nameof(AblationModel.WithAugmentedPairs)}, or leave {nameof(AugmentedPairs)} null.", nameof(AugmentedPairs));
        }

        if (BlockRemovalModels?.FirstOrDefault(name => !Models.Any(model => model.Name == name && model.Kind == AblationModelKind.Enhanced)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' of BlockRemovalModels is not an enhanced model ({string.Join(", ", Models.Where(m => m.Kind == AblationModelKind.Enhanced).Select(m => m.Name))}); name one of them, or null for all.", nameof(BlockRemovalModels));
        }

        if (Reference is not null && !Models.Any(model => model.Name == Reference))
        {
            throw new ArgumentException($"The reference '{Reference}' is not among the models ({string.Join(", ", Models.Select(m => m.Name))}); name one of them, or null for no comparison.", nameof(Reference));
        }
    }
}

using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>What an <see cref="AblationModel"/> is given to train on: one row of the ablation.</summary>
public sealed class AblationFitContext
{
    internal AblationFitContext(
        DataSplit split, UserItemMatrix feedback, VectorMatrix? itemFeatures, IReadOnlyList<string> blocks, VectorMatrix? userFeatures, IReadOnlyList<string> userBlocks,
        TrainingMonitor monitor, bool pairsBlock = false, AugmentedPairs? augmentedPairs = null, int maxDegreeOfParallelism = -1)
    {
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        HasPairsBlock = pairsBlock;
        AugmentedPairs = augmentedPairs;
        Split = split;
        Feedback = feedback;
        ItemFeatures = itemFeatures;
        Blocks = blocks;
        UserFeatures = userFeatures;
        UserBlocks = userBlocks;
        Monitor = monitor;
    }

    /// <summary>The split: train on <see cref="DataSplit.Train"/> only.</summary>
    public DataSplit Split { get; }

    /// <summary>The training interactions as implicit feedback, indexed as the split.</summary>
    public UserItemMatrix Feedback { get; }

    /// <summary>
    /// The feature blocks of this row side by side, each rescaled to its <see cref="FeatureBlock.Weight"/>, one row per
    /// item; <see langword="null"/> when the run has no blocks. Valid only during the call.
    /// </summary>
    public VectorMatrix? ItemFeatures { get; }

    /// <summary>The names of the blocks in <see cref="ItemFeatures"/>, in column order.</summary>
    public IReadOnlyList<string> Blocks { get; }

    /// <summary>
    /// The user blocks of this row side by side (<see cref="FeatureBlock.ForUsers"/>), rescaled as item blocks are, one row
    /// per user; <see langword="null"/> when the row has none or the model does not read them
    /// (<see cref="AblationModel.UsesUserFeatures"/>). Valid only during the call.
    /// </summary>
    public VectorMatrix? UserFeatures { get; }

    /// <summary>The names of the blocks in <see cref="UserFeatures"/>, in column order.</summary>
    public IReadOnlyList<string> UserBlocks { get; }

    /// <summary>
    /// Early stopping on the split's validation part (the runner's <see cref="AblationOptions.ValidationMetric"/>), and
    /// per-epoch progress: pass it to training. Without a validation part it has no validation callback.
    /// </summary>
    public TrainingMonitor Monitor { get; }

    /// <summary>
    /// The most threads the row may use: the cores shared among the rows that train side by side
    /// (<see cref="AblationOptions.MaxConcurrentRows"/> or <see cref="AblationOptions.RowSlots"/>), or -1 (all cores) when rows train one at a time. The built-in
    /// models train and rank with no more; a custom model passes it to its trainer, since threads beyond the cores slow
    /// every row down.
    /// </summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>
    /// The run's <see cref="AblationOptions.AugmentedPairs"/> for a model that takes them
    /// (<see cref="AblationModel.UsesAugmentedPairs"/>), except in its row without them; otherwise <see langword="null"/>.
    /// </summary>
    public AugmentedPairs? AugmentedPairs { get; }

    /// <summary>Whether the row is one of a pairs-taking model in a run with pairs: its options' pairs are then the row's.</summary>
    private bool HasPairsBlock { get; }

    /// <summary>The options with this row's pairs (none in the row without them); unchanged outside the pairs block.</summary>
    /// <summary>
    /// <paramref name="options"/> as this row trains with them: the run's augmented pairs when the row takes them, and
    /// at most <see cref="MaxDegreeOfParallelism"/> threads.
    /// </summary>
    internal TOptions ForRow<TOptions>(TOptions options)
        where TOptions : BprOptions =>
        (TOptions)options.For(HasPairsBlock ? AugmentedPairs : options.AugmentedPairs, MaxDegreeOfParallelism);

    /// <summary><paramref name="options"/> with at most <see cref="MaxDegreeOfParallelism"/> threads.</summary>
    internal SequentialOptions ForRow(SequentialOptions options) => options.WithAtMost(MaxDegreeOfParallelism);

    internal VectorMatrix RequireFeatures(string model) =>
        ItemFeatures ?? throw new InvalidOperationException($"'{model}' needs item features; give the ablation at least one feature block.");
}

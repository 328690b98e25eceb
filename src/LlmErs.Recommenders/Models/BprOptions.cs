namespace LlmErs.Recommenders;

/// <summary>
/// Options of Bayesian personalized ranking (BPR) training, shared by <see cref="MatrixFactorization"/> and
/// <see cref="TwoTower"/>.
/// </summary>
/// <remarks>
/// Training takes mini-batches of (user, positive item, sampled negative item) triples and minimizes their mean
/// <c>−log σ(score(u, i) − score(u, j))</c> plus an L2 penalty, with the Adam optimizer. Embedding rows that a batch does
/// not touch are left alone (lazy Adam), so an epoch costs the same whatever the number of users and items.
/// </remarks>
public class BprOptions
{
    private AugmentedPairs? _augmentedPairs;
    private int _maxDegreeOfParallelism = -1;

    /// <summary>The size of the user and item vectors. Default 64.</summary>
    public int Dimension { get; init; } = 64;

    /// <summary>The Adam learning rate. Default 0.005.</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>
    /// The L2 weight λ of the classic BPR objective: each training triple adds <c>λ/2 (‖u‖² + ‖v_i‖² + ‖v_j‖²)</c> on
    /// the user and item vectors the model scores with. Default 0.01, which held off overfitting best on MovieLens.
    /// </summary>
    public float Regularization { get; init; } = 0.01f;

    /// <summary>The most passes over the interactions. Default 50.</summary>
    public int Epochs { get; init; } = 50;

    /// <summary>
    /// With a validation callback: stop after this many epochs without a better validation score, and return the best
    /// epoch's model. Default <see langword="null"/>: derived from the data (<see cref="TrainingSchedule"/>; 5 to 25
    /// epochs, more when an epoch has few steps).
    /// </summary>
    public int? Patience { get; init; }

    /// <summary>The seed of initialization, sampling and shuffling: the same seed and data give the same model. Default 42.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>How many negative items are sampled for each positive interaction in an epoch. Default 1.</summary>
    public int NegativeSamples { get; init; } = 1;

    /// <summary>
    /// How many positive interactions make a mini-batch (each with its negatives). Default <see langword="null"/>:
    /// derived from the data (<see cref="TrainingSchedule"/>; about 64 steps an epoch, batches of 32 to 1,024).
    /// </summary>
    public int? BatchSize { get; init; }

    /// <summary>The standard deviation of the random initial vectors. Default 0.1.</summary>
    public float InitialStandardDeviation { get; init; } = 0.1f;

    /// <summary>Distillation from a teacher's scores; <see langword="null"/> (the default) or weight 0 for none.</summary>
    public DistillationOptions? Distillation { get; init; }

    /// <summary>
    /// Extra (user, preferred, other) pairs trained alongside the log's triples, e.g. the pairs an LLM chose
    /// (<see cref="Recommenders.AugmentedPairs"/>); <see langword="null"/> (the default), no pairs or weight 0 for none.
    /// </summary>
    public AugmentedPairs? AugmentedPairs { get => _augmentedPairs; init => _augmentedPairs = value; }

    /// <summary>The most threads training may use; -1 (the default) for all cores. The model does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get => _maxDegreeOfParallelism; init => _maxDegreeOfParallelism = value; }

    /// <summary>The distillation that training applies: none when both its weights are 0, so that it trains exactly as without.</summary>
    internal DistillationOptions? ActiveDistillation =>
        Distillation is { } distillation && (distillation.Weight > 0 || distillation.PointwiseWeight > 0) ? distillation : null;

    /// <summary>The augmented pairs that training samples: none when there are no pairs or their weight is 0, so that it trains exactly as without.</summary>
    internal AugmentedPairs? ActiveAugmentedPairs => AugmentedPairs is { IsActive: true } pairs ? pairs : null;

    /// <summary>
    /// A copy of these options (of the same type) with <paramref name="pairs"/> as <see cref="AugmentedPairs"/> and at
    /// most <paramref name="maxDegreeOfParallelism"/> threads (-1: as set).
    /// </summary>
    internal BprOptions For(AugmentedPairs? pairs, int maxDegreeOfParallelism)
    {
        var copy = (BprOptions)MemberwiseClone();
        copy._augmentedPairs = pairs;
        copy._maxDegreeOfParallelism = RowThreads.Cap(MaxDegreeOfParallelism, maxDegreeOfParallelism);
        return copy;
    }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    internal virtual void Validate(int itemCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimension, 1, nameof(Dimension));
        if (!float.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be a positive number; 0.001–0.01 suits Adam.");
        }

        if (!float.IsFinite(Regularization) || Regularization < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, "The regularization must be zero or a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Patience ?? 1, 1, nameof(Patience));
        ArgumentOutOfRangeException.ThrowIfLessThan(NegativeSamples, 1, nameof(NegativeSamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize ?? 1, 1, nameof(BatchSize));
        if (!float.IsFinite(InitialStandardDeviation) || InitialStandardDeviation <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialStandardDeviation), InitialStandardDeviation, "The initial standard deviation must be a positive number.");
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 for all cores, or a positive thread count.");
        }

        Distillation?.Validate(itemCount);
    }
}

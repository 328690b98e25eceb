namespace LlmErs.Recommenders;

/// <summary>
/// Options of <see cref="SequentialRecommender"/> training. The defaults are those of SASRec trained with a full-softmax
/// cross-entropy loss: two blocks, 64 dimensions, the last 50 items, dropout 0.2, Adam at 0.001, batches of 128 users.
/// </summary>
public sealed class SequentialOptions
{
    private int _maxDegreeOfParallelism = -1;

    /// <summary>The size of the item, position and hidden vectors. Default 64.</summary>
    public int Dimension { get; init; } = 64;

    /// <summary>The number of self-attention blocks. Default 2.</summary>
    public int Blocks { get; init; } = 2;

    /// <summary>The number of attention heads; it must divide <see cref="Dimension"/>. Default 1.</summary>
    public int Heads { get; init; } = 1;

    /// <summary>How many of a user's most recent items the model reads. Default 50.</summary>
    public int MaxLength { get; init; } = 50;

    /// <summary>The dropout rate on the embeddings, the attention output and the feed-forward layers. Default 0.2.</summary>
    public float Dropout { get; init; } = 0.2f;

    /// <summary>The Adam learning rate. Default 0.001.</summary>
    public float LearningRate { get; init; } = 0.001f;

    /// <summary>How many user sequences make a mini-batch. Default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>The most passes over the users. Default 200.</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>With a validation callback: stop after this many epochs without a better validation score. Default 20.</summary>
    public int Patience { get; init; } = 20;

    /// <summary>
    /// The standard deviation of the initial weights. Default 0.02: with N(0, 1) the attention logits start so large
    /// that the softmax saturates and the model stays at chance.
    /// </summary>
    public float InitialStandardDeviation { get; init; } = 0.02f;

    /// <summary>
    /// With item features: an item with c training interactions enters the model as <c>g E + Wᵀ f</c> with the ID weight
    /// g = c / (c + IdShrinkage), so a rare item's vector rests on its projected features and a popular one's on its
    /// ID embedding (LLM-ESR's dual view, weighted by frequency). 0 weighs every item with an interaction fully; an
    /// ID-only model ignores it. Default 0.
    /// </summary>
    public float IdShrinkage { get; init; }

    /// <summary>
    /// With item features: the probability that a training batch leaves an item's ID embedding out, in the input
    /// sequence and in the softmax alike, so that the item's projected features must carry it alone (DropoutNet,
    /// LLM-ESR); scoring always uses the whole ID weight. An ID-only model ignores it. Default 0: nothing is drawn.
    /// </summary>
    public float IdDropout { get; init; }

    /// <summary>The seed of initialization, shuffling and dropout: the same seed and data give the same model. Default 42.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>The most threads training may use; -1 (the default) for all cores. The model does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get => _maxDegreeOfParallelism; init => _maxDegreeOfParallelism = value; }

    /// <summary>A copy of these options with at most <paramref name="maxDegreeOfParallelism"/> threads (-1: as set).</summary>
    internal SequentialOptions WithAtMost(int maxDegreeOfParallelism)
    {
        var copy = (SequentialOptions)MemberwiseClone();
        copy._maxDegreeOfParallelism = RowThreads.Cap(MaxDegreeOfParallelism, maxDegreeOfParallelism);
        return copy;
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimension, 1, nameof(Dimension));
        ArgumentOutOfRangeException.ThrowIfLessThan(Blocks, 1, nameof(Blocks));
        ArgumentOutOfRangeException.ThrowIfLessThan(Heads, 1, nameof(Heads));
        if (Dimension % Heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Heads), Heads, $"The heads must divide the dimension ({Dimension}) evenly.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLength, 1, nameof(MaxLength));
        if (!(Dropout is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "The dropout rate is a probability in [0, 1).");
        }

        if (!float.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be a positive number; 0.001 suits Adam here.");
        }

        if (!float.IsFinite(IdShrinkage) || IdShrinkage < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(IdShrinkage), IdShrinkage, "The ID shrinkage is an interaction count: 0 or more.");
        }

        if (!(IdDropout is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(IdDropout), IdDropout, "The ID dropout is a probability in [0, 1); at 1 no ID embedding would ever train.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Patience, 1, nameof(Patience));
        if (!float.IsFinite(InitialStandardDeviation) || InitialStandardDeviation <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialStandardDeviation), InitialStandardDeviation, "The initial standard deviation must be a positive number.");
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 for all cores, or a positive thread count.");
        }
    }
}

using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// A SASRec-style sequential recommender: causal self-attention over a user's most recent items, with learned
/// positions, predicts the next item with a full softmax over all items. Each item's vector is its ID embedding plus
/// a learned projection of its LLM-derived features (the dual view of LLM-ESR), so items with few or no interactions
/// score from what they share with others: their text embedding, tags, slots, or semantic-ID codes
/// (<see cref="FieldFeatures.SemanticIdCodes{T}"/>).
/// </summary>
/// <remarks>
/// Pure C#: every product runs on the SIMD kernels the other models use, threads own disjoint outputs and every sum
/// has a fixed order, so a seed gives the same model bit for bit on a machine whatever the thread count.
/// </remarks>
/// <example>
/// <code>
/// var trained = SequentialRecommender.Train(split.Train, itemFeatures, new SequentialOptions { Epochs = 100 }, monitor);
/// var forTest = trained.Model.WithHistories(split.Train, split.Validation);   // the validation item is the latest history
/// </code>
/// </example>
public static class SequentialRecommender
{
    /// <summary>Trains the model on each user's training items in time order.</summary>
    /// <param name="train">The training interactions, with timestamps; every user and item of its id maps gets a vector.</param>
    /// <param name="itemFeatures">One feature row per item (in the log's item-index order), or <see langword="null"/> for an ID-only model.</param>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    /// <param name="monitor">Validation for early stopping, and progress; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels training between mini-batches.</param>
    /// <exception cref="ArgumentException">No user has two training interactions, an option is out of range, or the features do not have one row of finite values per item.</exception>
    /// <exception cref="InvalidOperationException">Training diverged (the loss stopped being a number).</exception>
    public static TrainingResult<SequentialModel> Train(
        InteractionLog train,
        VectorMatrix? itemFeatures = null,
        SequentialOptions? options = null,
        TrainingMonitor? monitor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new SequentialOptions();
        options.Validate();
        if (itemFeatures is not null)
        {
            TrainingGuards.ThrowIfNotOnePerRow(itemFeatures, train.ItemCount, "item features", nameof(itemFeatures));
        }

        return new SequentialTrainer(train, itemFeatures, options).Run(monitor, cancellationToken);
    }
}

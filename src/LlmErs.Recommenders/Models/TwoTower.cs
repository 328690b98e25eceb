using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// A two-tower model trained with BPR, whose towers add LLM-derived features to the ID vectors:
/// <c>item_i = Q_i + Wᵀ f_i</c> and <c>user_u = P_u + Wᵀ mean(f_j, j in the user's history) + W_gᵀ g_u</c>, scored by
/// dot product. Items without training interactions have no ID vector and score from their features, which is what
/// makes the model useful for cold-start items.
/// </summary>
/// <remarks>
/// The item features are one matrix, e.g. a text embedding, a multi-hot of tags and typed values side by side; give
/// the blocks comparable scales (a unit-length embedding next to 0/1 tags is fine), since one projection learns them all.
/// </remarks>
/// <example>
/// <code>
/// var result = TwoTower.Train(feedback, itemFeatures, options: new TwoTowerOptions { Dimension = 64, IdDropout = 0.5f });
/// IItemScorer scorer = result.Model;
/// </code>
/// </example>
public static class TwoTower
{
    /// <summary>Trains a two-tower model.</summary>
    /// <param name="feedback">The positive interactions.</param>
    /// <param name="itemFeatures">One feature row per item, including items without interactions.</param>
    /// <param name="userFeatures">One feature row per user (e.g. an embedded LLM-written profile), or <see langword="null"/>.</param>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    /// <param name="monitor">Validation for early stopping, and progress; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels training between mini-batches.</param>
    /// <exception cref="ArgumentException">
    /// There are no interactions, an option is out of range, or a feature matrix does not have one row per item (user)
    /// or holds a value that is not a finite number.
    /// </exception>
    /// <exception cref="InvalidOperationException">Training diverged (the loss stopped being a number).</exception>
    public static TrainingResult<TwoTowerModel> Train(
        UserItemMatrix feedback,
        VectorMatrix itemFeatures,
        VectorMatrix? userFeatures = null,
        TwoTowerOptions? options = null,
        TrainingMonitor? monitor = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new TwoTowerOptions();
        TrainingGuards.ThrowIfCannotTrain(feedback, options);
        TrainingGuards.ThrowIfNotOnePerRow(itemFeatures, feedback.ItemCount, "item features", nameof(itemFeatures));
        if (userFeatures is not null)
        {
            TrainingGuards.ThrowIfNotOnePerRow(userFeatures, feedback.UserCount, "user features", nameof(userFeatures));
        }

        var schedule = TrainingSchedule.For(options, feedback.PairCount, monitor);
        var network = new TwoTowerNetwork(feedback, itemFeatures, userFeatures, options, schedule);
        return BprTrainer<TwoTowerModel>.Train(feedback, network, options, schedule, monitor, cancellationToken);
    }
}

using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// BPR matrix factorization (Rendle et al., 2009): a vector per user and per item, trained so that a user's items score
/// above items drawn at random. With ID vectors alone it is the baseline LLM-derived features must beat; started from
/// projected text embeddings it is the "embedding initialization" enhancement.
/// </summary>
/// <example>
/// <code>
/// var feedback = UserItemMatrix.Create(users, items, userCount, itemCount);
/// var idOnly = MatrixFactorization.Train(feedback, new BprOptions { Dimension = 64 });
///
/// using var initial = EmbeddingProjection.Pca(textEmbeddings, 64);
/// var initialized = MatrixFactorization.Train(feedback, initial, new BprOptions { Dimension = 64 });
/// </code>
/// </example>
public static class MatrixFactorization
{
    /// <summary>Trains from random vectors.</summary>
    /// <param name="feedback">The positive interactions.</param>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    /// <param name="monitor">Validation for early stopping, and progress; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels training between mini-batches.</param>
    /// <exception cref="ArgumentException">There are no interactions, or an option is out of range.</exception>
    /// <exception cref="InvalidOperationException">Training diverged (the loss stopped being a number).</exception>
    public static TrainingResult<FactorModel> Train(
        UserItemMatrix feedback, BprOptions? options = null, TrainingMonitor? monitor = null, CancellationToken cancellationToken = default) =>
        TrainFrom([], feedback, options ?? new BprOptions(), monitor, cancellationToken);

    /// <summary>
    /// Trains with the item vectors starting from <paramref name="initialItemVectors"/>, for example text embeddings
    /// projected by <see cref="EmbeddingProjection"/>. They are scaled as a whole so that their root mean square equals
    /// <see cref="BprOptions.InitialStandardDeviation"/>: the geometry is kept, at the scale training expects.
    /// </summary>
    /// <param name="feedback">The positive interactions.</param>
    /// <param name="initialItemVectors">One row per item, <see cref="BprOptions.Dimension"/> values each.</param>
    /// <param name="options">The training options; defaults when <see langword="null"/>.</param>
    /// <param name="monitor">Validation for early stopping, and progress; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels training between mini-batches.</param>
    /// <exception cref="ArgumentException">
    /// There are no interactions, an option is out of range, or the initial vectors do not have one row per item of
    /// the options' dimension, or hold a value that is not a finite number.
    /// </exception>
    /// <exception cref="InvalidOperationException">Training diverged (the loss stopped being a number).</exception>
    public static TrainingResult<FactorModel> Train(
        UserItemMatrix feedback,
        VectorMatrix initialItemVectors,
        BprOptions? options = null,
        TrainingMonitor? monitor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initialItemVectors);
        options ??= new BprOptions();
        ArgumentNullException.ThrowIfNull(feedback);
        if (initialItemVectors.Count != feedback.ItemCount || initialItemVectors.Dimension != options.Dimension)
        {
            throw new ArgumentException(
                $"The initial item vectors are {initialItemVectors.Count} × {initialItemVectors.Dimension}; give one row per item ({feedback.ItemCount}) of the model dimension ({options.Dimension}).",
                nameof(initialItemVectors));
        }

        TrainingGuards.ThrowIfNotFinite(initialItemVectors, nameof(initialItemVectors));
        return TrainFrom(Rescale(initialItemVectors.Values, options.InitialStandardDeviation), feedback, options, monitor, cancellationToken);
    }

    /// <summary>Trains from <paramref name="initialItemVectors"/>, or from random item vectors when it is empty.</summary>
    private static TrainingResult<FactorModel> TrainFrom(
        float[] initialItemVectors, UserItemMatrix feedback, BprOptions options, TrainingMonitor? monitor, CancellationToken cancellationToken)
    {
        TrainingGuards.ThrowIfCannotTrain(feedback, options);
        var schedule = TrainingSchedule.For(options, feedback.PairCount, monitor);
        var model = new IdEmbeddingModel(feedback.UserCount, feedback.ItemCount, options, schedule, initialItemVectors);
        return BprTrainer<FactorModel>.Train(feedback, model, options, schedule, monitor, cancellationToken);
    }

    private static float[] Rescale(ReadOnlySpan<float> vectors, float rootMeanSquare)
    {
        var sumOfSquares = 0.0;
        foreach (var value in vectors)
        {
            sumOfSquares += (double)value * value;
        }

        var current = Math.Sqrt(sumOfSquares / Math.Max(vectors.Length, 1));
        var scale = current > 0 ? (float)(rootMeanSquare / current) : 0f;
        var scaled = new float[vectors.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = vectors[i] * scale;
        }

        return scaled;
    }
}


namespace LlmErs.Recommenders;

/// <summary>
/// A trained two-tower model, its towers evaluated for every user and item (<see cref="Factors"/>), plus the item
/// projection to encode items added after training from their features alone.
/// </summary>
/// <remarks>Immutable and safe for concurrent scoring.</remarks>
public sealed class TwoTowerModel : IItemScorer
{
    internal TwoTowerModel(FactorModel factors, TwoTowerWeights weights)
    {
        Factors = factors;
        Weights = weights;
    }

    /// <summary>The user and item vectors the model scores with: what serving needs.</summary>
    public FactorModel Factors { get; }

    /// <summary>The number of item features the model was trained with.</summary>
    public int FeatureDimension => Weights.FeatureDimension;

    /// <summary>The number of user features the model was trained with; 0 when it was trained without them.</summary>
    public int UserFeatureDimension => Weights.UserFeatureDimension;

    internal TwoTowerWeights Weights { get; }

    /// <inheritdoc/>
    public int ItemCount => Factors.ItemCount;

    /// <summary>
    /// Writes the model to <paramref name="path"/> — the evaluated towers, the item projection and the user tower's
    /// weights — replacing any file there only once the new one is complete.
    /// </summary>
    /// <remarks>The format is versioned and checksummed; <see cref="Load"/> gives back bit-identical scores and encodings.</remarks>
    public void Save(string path)
    {
        var (users, items) = Factors.Arrays;
        ModelFile.Save(path, ModelKind.TwoTower, Factors.Dimension, users, items, Weights.Projection, Weights.ProjectedItemFeatures, Weights.UserProjection);
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is damaged or truncated, holds a factor model (use <see cref="FactorModel.Load"/>), or was written by
    /// another format version; the message names the file.
    /// </exception>
    public static TwoTowerModel Load(string path)
    {
        var (dimension, s) = ModelFile.Load(path, ModelKind.TwoTower);
        if (s[2].Length == 0 || s[3].Length != s[1].Length)
        {
            throw new InvalidDataException(
                $"The model file '{Path.GetFullPath(path)}' holds a two-tower model whose projection or projected features do not match its items. Save the model again.");
        }

        var weights = new TwoTowerWeights(s[2], s[2].Length / dimension, s[3], s[4], s[4].Length / dimension);
        return new TwoTowerModel(new FactorModel(s[0], s[1], dimension), weights);
    }

    /// <inheritdoc/>
    public void ScoreItems(int user, Span<float> scores) => Factors.ScoreItems(user, scores);

    /// <inheritdoc/>
    public void ScoreItems(int user, ReadOnlySpan<int> items, Span<float> scores) => Factors.ScoreItems(user, items, scores);

    /// <summary>
    /// Writes the vector of an item from its features alone, as for an item no one had interacted with at training
    /// time: score it against <see cref="FactorModel.GetUserVector"/> with a dot product.
    /// </summary>
    /// <param name="features">The item's features, built as those the model was trained with.</param>
    /// <param name="destination">The vector, <see cref="FactorModel.Dimension"/> long.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or a feature is not a finite number.</exception>
    public void EncodeItem(ReadOnlySpan<float> features, Span<float> destination)
    {
        if (features.Length != FeatureDimension)
        {
            throw new ArgumentException($"Give {FeatureDimension} features, as in training; got {features.Length}.", nameof(features));
        }

        if (destination.Length != Factors.Dimension)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; the model dimension is {Factors.Dimension}.", nameof(destination));
        }

        foreach (var value in features)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException($"A feature is {value}; every feature must be a finite number.", nameof(features));
            }
        }

        VectorOps.Project(features, Weights.Projection, destination);
    }
}

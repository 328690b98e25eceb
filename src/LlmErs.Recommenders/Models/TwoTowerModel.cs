
namespace LlmErs.Recommenders;

/// <summary>
/// A trained two-tower model, its towers evaluated for every user and item (<see cref="Factors"/>), plus the item
/// projection to encode items added after training from their features alone.
/// </summary>
/// <remarks>Immutable and safe for concurrent scoring.</remarks>
public sealed class TwoTowerModel : IItemScorer
{
    private readonly float[] _projection;

    internal TwoTowerModel(FactorModel factors, float[] projection, int featureDimension)
    {
        Factors = factors;
        _projection = projection;
        FeatureDimension = featureDimension;
    }

    /// <summary>The user and item vectors the model scores with: what serving needs.</summary>
    public FactorModel Factors { get; }

    /// <summary>The number of item features the model was trained with.</summary>
    public int FeatureDimension { get; }

    /// <inheritdoc/>
    public int ItemCount => Factors.ItemCount;

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

        VectorOps.Project(features, _projection, destination);
    }
}

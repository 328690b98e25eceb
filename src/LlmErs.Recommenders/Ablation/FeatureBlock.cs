using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// A named group of item feature columns that the ablation adds or removes as a whole, e.g. "text embedding" (the
/// 384 columns of an embedded description), "genres" (a multi-hot) or "tags".
/// </summary>
/// <remarks>
/// The block does not own <see cref="Values"/>: the caller keeps the matrix alive during the run and disposes it after.
/// Blocks are rescaled before they are put side by side (see <see cref="Weight"/>), so their raw scales do not matter.
/// </remarks>
public sealed class FeatureBlock
{
    /// <summary>Creates a block.</summary>
    /// <param name="name">The name shown in the tables, unique among the blocks of a run.</param>
    /// <param name="values">One row per item, in the item-index order of the split the run evaluates on.</param>
    /// <param name="weight">The root-mean-square row norm the block is scaled to; 1 by default.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not a positive number.</exception>
    public FeatureBlock(string name, VectorMatrix values, float weight = 1f)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (!float.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight of a feature block must be a positive number.");
        }

        Name = name;
        Values = values;
        Weight = weight;
    }

    /// <summary>The name shown in the tables.</summary>
    public string Name { get; }

    /// <summary>The features, one row per item.</summary>
    public VectorMatrix Values { get; }

    /// <summary>
    /// The root-mean-square L2 norm of the block's rows once scaled: with the default 1 for every block, a unit-length
    /// 384-d embedding and a 20-column multi-hot weigh the same in the concatenated features, so no block drowns
    /// another just by having more or larger columns.
    /// </summary>
    public float Weight { get; }
}

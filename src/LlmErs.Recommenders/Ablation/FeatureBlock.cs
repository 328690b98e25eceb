using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// A named group of item feature columns that the ablation adds or removes as a whole, e.g. "text embedding" (the
/// 384 columns of an embedded description), "genres" (a multi-hot) or "tags"; or, made with <see cref="ForUsers"/>, of
/// user feature columns, e.g. "user profile" (the embedding of an LLM-written profile), which the two-tower models'
/// user tower reads.
/// </summary>
/// <remarks>
/// The block does not own <see cref="Values"/>: the caller keeps the matrix alive during the run and disposes it after.
/// Blocks are rescaled before they are put side by side (see <see cref="Weight"/>), so their raw scales do not matter.
/// </remarks>
public sealed class FeatureBlock
{
    /// <summary>Creates an item block.</summary>
    /// <param name="name">The name shown in the tables, unique among the blocks of a run.</param>
    /// <param name="values">One row per item, in the item-index order of the split the run evaluates on.</param>
    /// <param name="weight">The root-mean-square row norm the block is scaled to; 1 by default.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not a positive number.</exception>
    public FeatureBlock(string name, VectorMatrix values, float weight = 1f)
        : this(name, values, weight, FeatureSide.Item)
    {
    }

    private FeatureBlock(string name, VectorMatrix values, float weight, FeatureSide side)
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
        Side = side;
    }

    /// <summary>Creates a user block: features of each user, which the two-tower models add to the user tower.</summary>
    /// <param name="name">The name shown in the tables, unique among the blocks of a run.</param>
    /// <param name="values">One row per user, in the user-index order of the split the run evaluates on (<see cref="DataSplit.UserIds"/>).</param>
    /// <param name="weight">The root-mean-square row norm the block is scaled to; 1 by default.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not a positive number.</exception>
    public static FeatureBlock ForUsers(string name, VectorMatrix values, float weight = 1f) => new(name, values, weight, FeatureSide.User);

    /// <summary>The name shown in the tables.</summary>
    public string Name { get; }

    /// <summary>Which tower the block feeds: its rows are items or users.</summary>
    public FeatureSide Side { get; }

    /// <summary>The features, one row per item (per user for a user block).</summary>
    public VectorMatrix Values { get; }

    /// <summary>
    /// The root-mean-square L2 norm of the block's rows once scaled: with the default 1 for every block, a unit-length
    /// 384-d embedding and a 20-column multi-hot weigh the same in the concatenated features, so no block drowns
    /// another just by having more or larger columns.
    /// </summary>
    public float Weight { get; }
}

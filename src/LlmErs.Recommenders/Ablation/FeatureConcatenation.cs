using System.Numerics.Tensors;
using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>Puts feature blocks side by side, each scaled so its rows' root-mean-square norm is the block's weight.</summary>
internal sealed class FeatureConcatenation
{
    private readonly IReadOnlyList<FeatureBlock> _blocks;
    private readonly float[] _scales;

    private FeatureConcatenation(IReadOnlyList<FeatureBlock> blocks, float[] scales)
    {
        _blocks = blocks;
        _scales = scales;
    }

    /// <summary>Checks the blocks of one side against its row count (the split's items or users) and computes their scales.</summary>
    /// <exception cref="ArgumentException">A block is null, repeats a name, has the wrong row count, holds a value that is not finite, or is all zeros.</exception>
    public static FeatureConcatenation Create(IReadOnlyList<FeatureBlock> blocks, int itemCount, int userCount)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var scales = new float[blocks.Count];
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b] ?? throw new ArgumentException($"Feature block {b} is null.", nameof(blocks));
            if (!names.Add(block.Name))
            {
                throw new ArgumentException($"Two feature blocks are named '{block.Name}'; the tables tell blocks apart by name.", nameof(blocks));
            }

            var rowCount = block.Side == FeatureSide.User ? userCount : itemCount;
            if (block.Values.Count != rowCount)
            {
                throw new ArgumentException(
                    block.Side == FeatureSide.User
                        ? $"The user feature block '{block.Name}' has {block.Values.Count:N0} rows; give one per user of the split ({userCount:N0}), in its user-index order (DataSplit.UserIds)."
                        : $"The feature block '{block.Name}' has {block.Values.Count:N0} rows; give one per item of the split ({itemCount:N0}), in its item-index order (DataSplit.ItemIds). CatalogAlignment.Align lines a catalog up with the log before the split, and says what to do with items the catalog lacks.",
                    nameof(blocks));
            }

            var sumOfSquares = 0.0;
            foreach (var value in block.Values.Values)
            {
                if (!float.IsFinite(value))
                {
                    throw new ArgumentException($"The feature block '{block.Name}' holds {value}; every feature must be a finite number.", nameof(blocks));
                }

                sumOfSquares += (double)value * value;
            }

            if (sumOfSquares == 0)
            {
                throw new ArgumentException($"The feature block '{block.Name}' is all zeros; it carries nothing to ablate.", nameof(blocks));
            }

            scales[b] = (float)(block.Weight / Math.Sqrt(sumOfSquares / rowCount));
        }

        return new FeatureConcatenation(blocks, scales);
    }

    /// <summary>
    /// The blocks of <paramref name="side"/> side by side, scaled, leaving out <paramref name="removed"/> (an index, or -1
    /// for none); null when no block of the side is left. The caller disposes it.
    /// </summary>
    public VectorMatrix? Concatenate(FeatureSide side, int removed)
    {
        var dimension = 0;
        var rowCount = 0;
        for (var b = 0; b < _blocks.Count; b++)
        {
            if (b != removed && _blocks[b].Side == side)
            {
                dimension += _blocks[b].Values.Dimension;
                rowCount = _blocks[b].Values.Count;
            }
        }

        if (dimension == 0)
        {
            return null;
        }

        var features = VectorMatrix.Allocate(rowCount, dimension);
        for (var item = 0; item < rowCount; item++)
        {
            var row = features.GetWritableRow(item);
            var column = 0;
            for (var b = 0; b < _blocks.Count; b++)
            {
                if (b == removed || _blocks[b].Side != side)
                {
                    continue;
                }

                var values = _blocks[b].Values.GetRow(item);
                TensorPrimitives.Multiply(values, _scales[b], row.Slice(column, values.Length));
                column += values.Length;
            }
        }

        return features;
    }
}

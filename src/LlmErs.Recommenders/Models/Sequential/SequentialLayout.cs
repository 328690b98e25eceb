namespace LlmErs.Recommenders;

/// <summary>
/// Where each weight lies in the model's one flat parameter vector. One vector keeps the optimizer, the gradient check,
/// snapshots and the file format to a single array; every tensor is a whole number of rows of <c>Dimension</c> values.
/// </summary>
internal sealed class SequentialLayout
{
    public SequentialLayout(SequentialShape shape)
    {
        Shape = shape;
        var d = shape.Dimension;
        var next = 0;
        int Take(int rows)
        {
            var offset = next;
            next = checked(next + (rows * d));
            return offset;
        }

        ItemIds = Take(shape.ItemCount);
        FeatureProjection = Take(shape.FeatureDimension);
        Positions = Take(shape.MaxLength);
        var blocks = new BlockOffsets[shape.Blocks];
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = new BlockOffsets(
                AttentionNorm: new NormOffsets(Take(1), Take(1)),
                Query: new DenseOffsets(Take(d), Take(1)),
                Key: new DenseOffsets(Take(d), Take(1)),
                Value: new DenseOffsets(Take(d), Take(1)),
                Output: new DenseOffsets(Take(d), Take(1)),
                FeedForwardNorm: new NormOffsets(Take(1), Take(1)),
                Hidden: new DenseOffsets(Take(d), Take(1)),
                Projection: new DenseOffsets(Take(d), Take(1)));
        }

        Blocks = blocks;
        FinalNorm = new NormOffsets(Take(1), Take(1));
        Length = next;
    }

    public SequentialShape Shape { get; }

    /// <summary>The ID embedding, items × dimension.</summary>
    public int ItemIds { get; }

    /// <summary>The item feature projection, features × dimension.</summary>
    public int FeatureProjection { get; }

    /// <summary>The learned position embedding, positions × dimension.</summary>
    public int Positions { get; }

    public IReadOnlyList<BlockOffsets> Blocks { get; }

    public NormOffsets FinalNorm { get; }

    /// <summary>The number of parameters.</summary>
    public int Length { get; }

    /// <summary>The gains of every layer norm and the weights of every dense layer: the values drawn at initialization (biases and shifts start at 0, gains at 1).</summary>
    public IEnumerable<(int Offset, int Length, bool IsGain)> InitializedTensors()
    {
        var d = Shape.Dimension;
        yield return (ItemIds, Shape.ItemCount * d, false);
        yield return (FeatureProjection, Shape.FeatureDimension * d, false);
        yield return (Positions, Shape.MaxLength * d, false);
        foreach (var block in Blocks)
        {
            yield return (block.AttentionNorm.Gain, d, true);
            foreach (var dense in new[] { block.Query, block.Key, block.Value, block.Output })
            {
                yield return (dense.Weights, d * d, false);
            }

            yield return (block.FeedForwardNorm.Gain, d, true);
            yield return (block.Hidden.Weights, d * d, false);
            yield return (block.Projection.Weights, d * d, false);
        }

        yield return (FinalNorm.Gain, d, true);
    }
}

/// <summary>A layer norm's gain and shift, <c>Dimension</c> values each.</summary>
internal readonly record struct NormOffsets(int Gain, int Shift);

/// <summary>A dense layer's weights (input × output, row-major) and bias.</summary>
internal readonly record struct DenseOffsets(int Weights, int Bias);

/// <summary>One self-attention block: pre-norm attention and pre-norm feed-forward, each with a residual connection.</summary>
internal readonly record struct BlockOffsets(
    NormOffsets AttentionNorm, DenseOffsets Query, DenseOffsets Key, DenseOffsets Value, DenseOffsets Output,
    NormOffsets FeedForwardNorm, DenseOffsets Hidden, DenseOffsets Projection);

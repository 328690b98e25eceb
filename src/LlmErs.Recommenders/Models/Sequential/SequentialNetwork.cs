using System.Numerics.Tensors;
using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// The forward and backward passes of the sequential model over a <see cref="SequenceBatch"/>, on a flat parameter
/// vector laid out by <see cref="SequentialLayout"/>:
/// <code>
/// item_i  = g_i E_i + Wᵀ f_i                               (ID embedding, weighted by the item's ID weight, + projected LLM features)
/// x       = dropout(item_{s_t} + P_t)
/// block:    x = x + dropout(Attention(LN₁(x)) W_o + b_o)
///           x = x + dropout(dropout(ReLU(LN₂(x) W₁ + b₁)) W₂ + b₂)
/// h       = LN_f(x);   score(i | s_1..t) = h_t · item_i
/// </code>
/// Pre-norm blocks: each sublayer reads a normalized copy of the residual stream.
/// </summary>
internal sealed class SequentialNetwork
{
    private readonly SequentialLayout _layout;
    private readonly float[]? _features;
    private readonly int _maxDegreeOfParallelism;
    private readonly int _width;
    private readonly BlockActivations[] _blocks;
    private readonly float[] _embeddingMask;
    private readonly float[] _final;
    private readonly float[] _finalNormalized;
    private readonly float[] _finalDeviations;
    private readonly float[] _hidden;
    private readonly float[] _streamGradient;
    private readonly float[] _scratch;
    private readonly float[] _gradientA;
    private readonly float[] _gradientB;
    private readonly float[] _gradientC;
    private readonly float[] _queryGradient;
    private readonly float[] _keyGradient;
    private readonly float[] _valueGradient;
    private readonly float[] _hiddenGradient;
    private readonly float[]? _idWeights;
    private readonly float _idDropout;
    private readonly float[]? _batchIdWeights;
    private SoftmaxCrossEntropy? _loss;

    /// <param name="layout">The parameter layout.</param>
    /// <param name="features">The item features, items × <see cref="SequentialShape.FeatureDimension"/>, row-major; null for an ID-only model.</param>
    /// <param name="idWeights">Each item's ID weight g_i (0: no ID vector, the features alone; 1: the full ID vector); null for 1 everywhere.</param>
    /// <param name="capacity">The most sequences a batch holds.</param>
    /// <param name="maxDegreeOfParallelism">The most threads; the results do not depend on it.</param>
    /// <param name="idDropout">The probability that a training batch gives an item ID weight 0 (input and softmax alike); 0 draws nothing.</param>
    public SequentialNetwork(SequentialLayout layout, float[]? features, float[]? idWeights, int capacity, int maxDegreeOfParallelism, float idDropout = 0f)
    {
        _layout = layout;
        _features = features;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        var shape = layout.Shape;
        _width = shape.Dimension;
        Batch = new SequenceBatch(capacity, shape.MaxLength);
        var rows = capacity * shape.MaxLength;
        var values = rows * _width;
        _blocks = [.. Enumerable.Range(0, shape.Blocks).Select(_ => new BlockActivations(values, rows, capacity * shape.MaxLength * shape.MaxLength * shape.Heads))];
        _embeddingMask = new float[values];
        _final = new float[values];
        _finalNormalized = new float[values];
        _finalDeviations = new float[rows];
        _hidden = new float[values];
        _streamGradient = new float[values];
        _scratch = new float[values];
        (_gradientA, _gradientB, _gradientC) = (new float[values], new float[values], new float[values]);
        (_queryGradient, _keyGradient, _valueGradient) = (new float[values], new float[values], new float[values]);
        _idWeights = idWeights;
        _idDropout = idDropout;
        _batchIdWeights = idDropout > 0 ? new float[shape.ItemCount] : null;
        _hiddenGradient = new float[values];
        ItemRepresentations = new float[shape.ItemCount * _width];
        ItemRepresentationGradient = new float[ItemRepresentations.Length];
    }

    /// <summary>The batch the next pass reads; fill it first.</summary>
    public SequenceBatch Batch { get; }

    /// <summary>The item vectors of the last <see cref="ComputeItemRepresentations"/>, items × dimension.</summary>
    public float[] ItemRepresentations { get; }

    private float[] ItemRepresentationGradient { get; }

    /// <summary>The final hidden vectors of the last forward pass, one per row of the batch.</summary>
    public float[] Hidden => _hidden;

    /// <summary><c>item_i = g_i E_i + Wᵀ f_i</c> for every item, from <paramref name="parameters"/>.</summary>
    public void ComputeItemRepresentations(float[] parameters) => ComputeItemRepresentationsWith(parameters, _idWeights);

    private void ComputeItemRepresentationsWith(float[] parameters, float[]? idWeights)
    {
        var shape = _layout.Shape;
        parameters.AsSpan(_layout.ItemIds, shape.ItemCount * _width).CopyTo(ItemRepresentations);
        if (idWeights is not null)
        {
            for (var item = 0; item < shape.ItemCount; item++)
            {
                var row = ItemRepresentations.AsSpan(item * _width, _width);
                TensorPrimitives.Multiply(row, idWeights[item], row);
            }
        }

        if (_features is not null && shape.FeatureDimension > 0)
        {
            var features = shape.FeatureDimension;
            ParallelChunks.For(shape.ItemCount, 64, _maxDegreeOfParallelism, (start, end) =>
                MatrixKernels.MultiplyAdd(
                    _features.AsSpan(start * features), features, 1, end - start, features, parameters.AsSpan(_layout.FeatureProjection, features * _width), _width,
                    ItemRepresentations.AsSpan(start * _width, (end - start) * _width)));
        }
    }

    /// <summary>
    /// Runs the batch forward with the item representations of the last <see cref="ComputeItemRepresentations"/>;
    /// with a dropout rate above 0 it draws the masks from <paramref name="random"/>. The result is in <see cref="Hidden"/>.
    /// </summary>
    public void Forward(float[] parameters, float dropout, ref SplitMix64 random)
    {
        var (rows, width, shape) = (Batch.Rows, _width, _layout.Shape);
        var stream = _blocks[0].Input;
        for (var r = 0; r < rows; r++)
        {
            var x = stream.AsSpan(r * width, width);
            ItemRepresentations.AsSpan(Batch.Items[r] * width, width).CopyTo(x);
            VectorOps.AddScaled(x, parameters.AsSpan(_layout.Positions + (Batch.Positions[r] * width), width), 1f);
        }

        Drop(stream, _embeddingMask, rows, dropout, ref random);
        for (var b = 0; b < shape.Blocks; b++)
        {
            var (offsets, a) = (_layout.Blocks[b], _blocks[b]);
            var output = b + 1 < shape.Blocks ? _blocks[b + 1].Input : _final;
            LayerNorm.Forward(a.Input, rows, width, parameters, offsets.AttentionNorm, a.AttentionNormalized, a.AttentionDeviations, a.AttentionIn, _maxDegreeOfParallelism);
            Dense.Forward(a.AttentionIn, rows, width, parameters, offsets.Query, a.Queries, _maxDegreeOfParallelism);
            Dense.Forward(a.AttentionIn, rows, width, parameters, offsets.Key, a.Keys, _maxDegreeOfParallelism);
            Dense.Forward(a.AttentionIn, rows, width, parameters, offsets.Value, a.Values, _maxDegreeOfParallelism);
            CausalAttention.Forward(Batch, shape.Heads, width, a.Queries, a.Keys, a.Values, a.Probabilities, a.Attended, _maxDegreeOfParallelism);
            Dense.Forward(a.Attended, rows, width, parameters, offsets.Output, _scratch, _maxDegreeOfParallelism);
            Drop(_scratch, a.AttentionMask, rows, dropout, ref random);
            Add(a.Input, _scratch, a.Middle, rows);

            LayerNorm.Forward(a.Middle, rows, width, parameters, offsets.FeedForwardNorm, a.FeedForwardNormalized, a.FeedForwardDeviations, a.FeedForwardIn, _maxDegreeOfParallelism);
            Dense.Forward(a.FeedForwardIn, rows, width, parameters, offsets.Hidden, a.PreActivation, _maxDegreeOfParallelism);
            for (var i = 0; i < rows * width; i++)
            {
                a.Activation[i] = MathF.Max(a.PreActivation[i], 0f);
            }

            Drop(a.Activation, a.HiddenMask, rows, dropout, ref random);
            Dense.Forward(a.Activation, rows, width, parameters, offsets.Projection, _scratch, _maxDegreeOfParallelism);
            Drop(_scratch, a.ProjectionMask, rows, dropout, ref random);
            Add(a.Middle, _scratch, output, rows);
        }

        LayerNorm.Forward(_final, rows, width, parameters, _layout.FinalNorm, _finalNormalized, _finalDeviations, _hidden, _maxDegreeOfParallelism);
    }

    /// <summary>
    /// Encodes each sequence of the batch, without dropout: its last row's final hidden vector, the user vector that
    /// scores the next item, goes to row s of <paramref name="destination"/>.
    /// </summary>
    public void EncodeLast(float[] parameters, Span<float> destination)
    {
        var none = default(SplitMix64);
        Forward(parameters, 0f, ref none);
        for (var s = 0; s < Batch.Count; s++)
        {
            var last = Batch.Starts[s] + Batch.Lengths[s] - 1;
            _hidden.AsSpan(last * _width, _width).CopyTo(destination.Slice(s * _width, _width));
        }
    }

    /// <summary>
    /// One training pass: item representations, forward with dropout, the full-softmax loss at every row, and the
    /// gradient of the mean loss with respect to every parameter into <paramref name="gradient"/> (overwritten).
    /// Returns the summed loss of the batch's rows.
    /// </summary>
    public double Train(float[] parameters, float[] gradient, float dropout, ref SplitMix64 random)
    {
        var shape = _layout.Shape;
        var idWeights = _batchIdWeights is null ? _idWeights : DropIds(ref random);
        ComputeItemRepresentationsWith(parameters, idWeights);
        Forward(parameters, dropout, ref random);
        Array.Clear(gradient);
        Array.Clear(ItemRepresentationGradient);
        _loss ??= new SoftmaxCrossEntropy(shape.ItemCount, _width, _maxDegreeOfParallelism);
        var loss = _loss.Run(_hidden, Batch.Targets, Batch.Rows, ItemRepresentations, _hiddenGradient, ItemRepresentationGradient);
        Backward(parameters, gradient, dropout > 0, idWeights);
        return loss;
    }

    /// <summary>This batch's ID weights: each item's own, or 0 with probability <c>idDropout</c>.</summary>
    private float[] DropIds(ref SplitMix64 random)
    {
        var weights = _batchIdWeights!;
        for (var item = 0; item < weights.Length; item++)
        {
            weights[item] = random.NextDouble() < _idDropout ? 0f : _idWeights?[item] ?? 1f;
        }

        return weights;
    }

    private void Backward(float[] parameters, float[] gradient, bool dropped, float[]? idWeights)
    {
        var (rows, width, shape) = (Batch.Rows, _width, _layout.Shape);
        var values = rows * width;
        var stream = _streamGradient;
        stream.AsSpan(0, values).Clear();
        LayerNorm.Backward(_hiddenGradient, rows, width, parameters, _layout.FinalNorm, _finalNormalized, _finalDeviations, gradient, stream, _maxDegreeOfParallelism);
        for (var b = shape.Blocks - 1; b >= 0; b--)
        {
            var (offsets, a) = (_layout.Blocks[b], _blocks[b]);

            // Feed-forward: output = middle + dropout(dropout(ReLU(LN₂(middle) W₁ + b₁)) W₂ + b₂).
            Masked(stream, a.ProjectionMask, _gradientA, values, dropped);
            Cleared(_gradientB, values);
            Dense.Backward(a.Activation, _gradientA, rows, width, parameters, offsets.Projection, gradient, _gradientB, _maxDegreeOfParallelism);
            Masked(_gradientB, a.HiddenMask, _gradientB, values, dropped);
            for (var i = 0; i < values; i++)
            {
                _gradientB[i] = a.PreActivation[i] > 0 ? _gradientB[i] : 0f;
            }

            Cleared(_gradientC, values);
            Dense.Backward(a.FeedForwardIn, _gradientB, rows, width, parameters, offsets.Hidden, gradient, _gradientC, _maxDegreeOfParallelism);
            LayerNorm.Backward(_gradientC, rows, width, parameters, offsets.FeedForwardNorm, a.FeedForwardNormalized, a.FeedForwardDeviations, gradient, stream, _maxDegreeOfParallelism);

            // Attention: middle = input + dropout(Attention(LN₁(input)) W_o + b_o).
            Masked(stream, a.AttentionMask, _gradientA, values, dropped);
            Cleared(_gradientB, values);
            Dense.Backward(a.Attended, _gradientA, rows, width, parameters, offsets.Output, gradient, _gradientB, _maxDegreeOfParallelism);
            CausalAttention.Backward(Batch, shape.Heads, width, a.Queries, a.Keys, a.Values, a.Probabilities, _gradientB, _queryGradient, _keyGradient, _valueGradient, _maxDegreeOfParallelism);
            Cleared(_gradientC, values);
            Dense.Backward(a.AttentionIn, _queryGradient, rows, width, parameters, offsets.Query, gradient, _gradientC, _maxDegreeOfParallelism);
            Dense.Backward(a.AttentionIn, _keyGradient, rows, width, parameters, offsets.Key, gradient, _gradientC, _maxDegreeOfParallelism);
            Dense.Backward(a.AttentionIn, _valueGradient, rows, width, parameters, offsets.Value, gradient, _gradientC, _maxDegreeOfParallelism);
            LayerNorm.Backward(_gradientC, rows, width, parameters, offsets.AttentionNorm, a.AttentionNormalized, a.AttentionDeviations, gradient, stream, _maxDegreeOfParallelism);
        }

        // Embedding: x = dropout(item_{s_t} + P_t), summed into the rows each batch row read, in row order.
        Masked(stream, _embeddingMask, stream, values, dropped);
        var itemGradient = ItemRepresentationGradient;
        for (var r = 0; r < rows; r++)
        {
            var row = stream.AsSpan(r * width, width);
            VectorOps.AddScaled(itemGradient.AsSpan(Batch.Items[r] * width, width), row, 1f);
            VectorOps.AddScaled(gradient.AsSpan(_layout.Positions + (Batch.Positions[r] * width), width), row, 1f);
        }

        ItemRepresentationsBackward(gradient, idWeights);
    }

    /// <summary>From ∂loss/∂item_i: the ID embedding's gradient <c>g_i ∂item_i</c> (none for items of weight 0) and <c>∂W = Fᵀ ∂item</c>.</summary>
    private void ItemRepresentationsBackward(float[] gradient, float[]? idWeights)
    {
        var shape = _layout.Shape;
        var itemGradient = ItemRepresentationGradient;
        itemGradient.CopyTo(gradient.AsSpan(_layout.ItemIds, itemGradient.Length));
        if (idWeights is not null)
        {
            for (var item = 0; item < shape.ItemCount; item++)
            {
                var row = gradient.AsSpan(_layout.ItemIds + (item * _width), _width);
                TensorPrimitives.Multiply(row, idWeights[item], row);
            }
        }

        if (_features is not null && shape.FeatureDimension > 0)
        {
            var features = shape.FeatureDimension;
            ParallelChunks.For(features, 8, _maxDegreeOfParallelism, (start, end) =>
                MatrixKernels.MultiplyAdd(
                    _features.AsSpan(start), 1, features, end - start, shape.ItemCount, itemGradient, _width,
                    gradient.AsSpan(_layout.FeatureProjection + (start * _width), (end - start) * _width)));
        }
    }

    private static void Cleared(float[] buffer, int values) => buffer.AsSpan(0, values).Clear();

    /// <summary><c>destination = source ⊙ mask</c> when dropout was applied, else a copy.</summary>
    private static void Masked(float[] source, float[] mask, float[] destination, int values, bool dropped)
    {
        if (!ReferenceEquals(source, destination))
        {
            Array.Copy(source, destination, values);
        }

        if (dropped)
        {
            Dropout.Apply(destination.AsSpan(0, values), mask.AsSpan(0, values));
        }
    }

    private void Add(float[] a, float[] b, float[] sum, int rows)
    {
        for (var i = 0; i < rows * _width; i++)
        {
            sum[i] = a[i] + b[i];
        }
    }

    private void Drop(float[] values, float[] mask, int rows, float rate, ref SplitMix64 random)
    {
        if (rate > 0)
        {
            var count = rows * _width;
            Dropout.DrawMask(mask.AsSpan(0, count), rate, ref random);
            Dropout.Apply(values.AsSpan(0, count), mask.AsSpan(0, count));
        }
    }
}

using System.Numerics.Tensors;

namespace LlmErs.Recommenders;

/// <summary>
/// The full-softmax cross-entropy over all items at every position: the logits of a row are its hidden vector's dot
/// products with every item vector, and the loss is <c>log Σ_i e^{z_i} − z_target</c>, averaged over rows.
/// </summary>
/// <remarks>
/// <para>Rows go in chunks, and a chunk's logits are kept item-major (items × rows): the chunk's hidden vectors (a few
/// dozen kilobytes) then stay in cache while the item vectors stream past once, for the logits and for the item
/// gradient alike, and the softmax runs down whole vectors of rows. The hidden gradient, which must read every item
/// vector for every row, goes through the items in blocks that stay in cache.</para>
/// <para>Threads split items or rows, never a sum, and each sum runs in one fixed order (an accumulation resumed
/// block after block is the same chain of fused multiply-adds), so the result does not depend on the thread count.</para>
/// </remarks>
internal sealed class SoftmaxCrossEntropy(int itemCount, int width, int maxDegreeOfParallelism)
{
    private const int ChunkRows = 128;
    private const int ItemsPerThread = 256;
    private const int ItemBlock = 512;

    private readonly float[] _logits = new float[itemCount * ChunkRows];
    private readonly float[] _transposed = new float[width * ChunkRows];
    private readonly float[] _maxima = new float[ChunkRows];
    private readonly float[] _sums = new float[ChunkRows];

    /// <summary>Returns the summed loss of the rows; writes <c>∂(mean loss)/∂hidden</c> and adds <c>∂(mean loss)/∂items</c>.</summary>
    /// <param name="hidden">The final hidden vectors, one per row.</param>
    /// <param name="targets">Each row's target item.</param>
    /// <param name="rows">The number of rows; the mean is over them.</param>
    /// <param name="items">The item vectors, items × width.</param>
    /// <param name="hiddenGradient">Receives the gradient with respect to <paramref name="hidden"/>.</param>
    /// <param name="itemGradient">The gradient with respect to <paramref name="items"/>, added to.</param>
    public double Run(float[] hidden, int[] targets, int rows, float[] items, float[] hiddenGradient, float[] itemGradient)
    {
        var scale = 1f / rows;
        var total = 0.0;
        for (var first = 0; first < rows; first += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows - first);
            var chunk = hidden.AsMemory(first * width, count * width);
            var source = chunk.Span;
            for (var r = 0; r < count; r++)
            {
                for (var c = 0; c < width; c++)
                {
                    _transposed[(c * count) + r] = source[(r * width) + c];
                }
            }

            // Logits, item-major: z[i, r] = item_i · hidden_r.
            ParallelChunks.For(itemCount, ItemsPerThread, maxDegreeOfParallelism, (start, end) =>
            {
                var block = _logits.AsSpan(start * count, (end - start) * count);
                block.Clear();
                MatrixKernels.MultiplyAdd(items.AsSpan(start * width), width, 1, end - start, width, _transposed.AsSpan(0, width * count), count, block);
            });

            total += Softmax(targets.AsSpan(first, count), count, scale);

            // ∂items += ∂zᵀ-rows · hidden: each item's gradient sums over the chunk's rows in order.
            ParallelChunks.For(itemCount, ItemsPerThread, maxDegreeOfParallelism, (start, end) =>
                MatrixKernels.MultiplyAdd(
                    _logits.AsSpan(start * count), count, 1, end - start, count, chunk.Span, width, itemGradient.AsSpan(start * width, (end - start) * width)));

            // ∂hidden_r = Σ_i ∂z[i, r] item_i, the items in cache-sized blocks, threads splitting the rows.
            var gradient = hiddenGradient.AsMemory(first * width, count * width);
            gradient.Span.Clear();
            for (var block = 0; block < itemCount; block += ItemBlock)
            {
                var size = Math.Min(ItemBlock, itemCount - block);
                var itemStart = block;
                ParallelChunks.For(count, 16, maxDegreeOfParallelism, (start, end) =>
                    MatrixKernels.MultiplyAdd(
                        _logits.AsSpan((itemStart * count) + start), 1, count, end - start, size, items.AsSpan(itemStart * width, size * width), width,
                        gradient.Span.Slice(start * width, (end - start) * width)));
            }
        }

        return total;
    }

    /// <summary>Turns the chunk's logits into <c>∂(mean loss)/∂z</c> in place and returns the chunk's summed loss.</summary>
    private double Softmax(ReadOnlySpan<int> targets, int count, float scale)
    {
        var maxima = _maxima.AsSpan(0, count);
        var sums = _sums.AsSpan(0, count);
        _logits.AsSpan(0, count).CopyTo(maxima);
        for (var item = 1; item < itemCount; item++)
        {
            TensorPrimitives.Max(maxima, _logits.AsSpan(item * count, count), maxima);
        }

        var loss = 0.0;
        for (var r = 0; r < count; r++)
        {
            loss += maxima[r] - _logits[(targets[r] * count) + r];
        }

        ParallelChunks.For(itemCount, ItemsPerThread, maxDegreeOfParallelism, (start, end) =>
        {
            for (var item = start; item < end; item++)
            {
                var row = _logits.AsSpan(item * count, count);
                TensorPrimitives.Subtract(row, _maxima.AsSpan(0, count), row);
                TensorPrimitives.Exp(row, row);
            }
        });

        sums.Clear();
        for (var item = 0; item < itemCount; item++)
        {
            TensorPrimitives.Add(sums, _logits.AsSpan(item * count, count), sums);
        }

        for (var r = 0; r < count; r++)
        {
            loss += Math.Log(sums[r]);
            sums[r] = scale / sums[r];
        }

        ParallelChunks.For(itemCount, ItemsPerThread, maxDegreeOfParallelism, (start, end) =>
        {
            for (var item = start; item < end; item++)
            {
                var row = _logits.AsSpan(item * count, count);
                TensorPrimitives.Multiply(row, _sums.AsSpan(0, count), row);
            }
        });

        for (var r = 0; r < count; r++)
        {
            _logits[(targets[r] * count) + r] -= scale;
        }

        return loss;
    }
}

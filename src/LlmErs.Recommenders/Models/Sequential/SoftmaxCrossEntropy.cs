using System.Numerics.Tensors;

namespace LlmErs.Recommenders;

/// <summary>
/// The full-softmax cross-entropy over all items at every position: the logits of a row are its hidden vector's dot
/// products with every item representation, and the loss is <c>log Σ_i e^{z_i} − z_target</c>, averaged over rows.
/// Rows go in chunks so the logits of a whole batch never need to be held at once.
/// </summary>
/// <remarks>
/// Threads split a chunk's rows for the logits and the hidden gradients, and the items for the item gradients
/// (<c>dR += dZᵀ H</c>, summed over the chunk's rows in order), so the result does not depend on the thread count.
/// </remarks>
internal sealed class SoftmaxCrossEntropy(int itemCount, int width, int maxDegreeOfParallelism)
{
    private const int ChunkRows = 128;
    private const int RowsPerThread = 16;
    private const int ItemsPerThread = 256;

    private readonly float[] _logits = new float[ChunkRows * itemCount];

    /// <summary>Returns the summed loss of the rows; writes <c>∂(mean loss)/∂hidden</c> and adds <c>∂(mean loss)/∂items</c>.</summary>
    /// <param name="hidden">The final hidden vectors, one per row.</param>
    /// <param name="targets">Each row's target item.</param>
    /// <param name="rows">The number of rows; the mean is over them.</param>
    /// <param name="items">The item representations, items × width.</param>
    /// <param name="hiddenGradient">Receives the gradient with respect to <paramref name="hidden"/>.</param>
    /// <param name="itemGradient">The gradient with respect to <paramref name="items"/>, added to.</param>
    public double Run(float[] hidden, int[] targets, int rows, float[] items, float[] hiddenGradient, float[] itemGradient)
    {
        var transposed = Dense.Transpose(items.AsSpan(0, itemCount * width), itemCount, width);
        var scale = 1f / rows;
        var losses = new double[rows];
        for (var first = 0; first < rows; first += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows - first);
            var chunkStart = first;
            ParallelChunks.For(count, RowsPerThread, maxDegreeOfParallelism, (start, end) =>
            {
                var logits = _logits.AsSpan(start * itemCount, (end - start) * itemCount);
                logits.Clear();
                MatrixKernels.MultiplyAdd(hidden.AsSpan((chunkStart + start) * width), width, 1, end - start, width, transposed, itemCount, logits);
                for (var r = start; r < end; r++)
                {
                    var row = _logits.AsSpan(r * itemCount, itemCount);
                    var target = targets[chunkStart + r];
                    var max = TensorPrimitives.Max(row);
                    var targetLogit = row[target];
                    TensorPrimitives.Subtract(row, max, row);
                    TensorPrimitives.Exp(row, row);
                    var sum = 0.0;
                    foreach (var value in row)
                    {
                        sum += value;
                    }

                    losses[chunkStart + r] = Math.Log(sum) + max - targetLogit;
                    TensorPrimitives.Multiply(row, (float)(scale / sum), row);
                    row[target] -= scale;
                }

                var gradient = hiddenGradient.AsSpan((chunkStart + start) * width, (end - start) * width);
                gradient.Clear();
                MatrixKernels.MultiplyAdd(_logits.AsSpan(start * itemCount), itemCount, 1, end - start, itemCount, items, width, gradient);
            });

            ParallelChunks.For(itemCount, ItemsPerThread, maxDegreeOfParallelism, (start, end) =>
                MatrixKernels.MultiplyAdd(
                    _logits.AsSpan(start), 1, itemCount, end - start, count, hidden.AsSpan(chunkStart * width, count * width), width, itemGradient.AsSpan(start * width, (end - start) * width)));
        }

        var total = 0.0;
        foreach (var loss in losses)
        {
            total += loss;
        }

        return total;
    }
}

namespace LlmErs.Recommenders;

/// <summary>
/// A dense layer <c>Y = X W + b</c> over a batch of rows, and its gradients, on <see cref="MatrixKernels"/>. Weights
/// and biases live in the flat parameter vector (<see cref="DenseOffsets"/>). Threads own disjoint output rows and
/// every sum runs in a fixed order, so the results do not depend on the thread count.
/// </summary>
internal static class Dense
{
    // A row costs input × output multiply-adds: at 64 × 64, a few dozen rows are worth a thread.
    private const int RowsPerChunk = 32;

    /// <summary><c>output = input · W + b</c> for <paramref name="rows"/> square rows of <paramref name="width"/> values.</summary>
    public static void Forward(float[] input, int rows, int width, float[] parameters, DenseOffsets layer, float[] output, int maxDegreeOfParallelism)
    {
        var weights = parameters.AsMemory(layer.Weights, width * width);
        var bias = parameters.AsMemory(layer.Bias, width);
        ParallelChunks.For(rows, RowsPerChunk, maxDegreeOfParallelism, (start, end) =>
        {
            var block = output.AsSpan(start * width, (end - start) * width);
            for (var r = 0; r < end - start; r++)
            {
                bias.Span.CopyTo(block.Slice(r * width, width));
            }

            MatrixKernels.MultiplyAdd(input.AsSpan(start * width), width, 1, end - start, width, weights.Span, width, block);
        });
    }

    /// <summary>
    /// From the gradient with respect to the output: <c>inputGradient += outputGradient · Wᵀ</c>, and into
    /// <paramref name="gradient"/> (laid out as the parameters) <c>dW += inputᵀ · outputGradient</c> and <c>db += Σ_rows outputGradient</c>.
    /// </summary>
    public static void Backward(
        float[] input, float[] outputGradient, int rows, int width, float[] parameters, DenseOffsets layer, float[] gradient, float[] inputGradient, int maxDegreeOfParallelism)
    {
        var transposed = Transpose(parameters.AsSpan(layer.Weights, width * width), width, width);
        ParallelChunks.For(rows, RowsPerChunk, maxDegreeOfParallelism, (start, end) =>
            MatrixKernels.MultiplyAdd(outputGradient.AsSpan(start * width), width, 1, end - start, width, transposed, width, inputGradient.AsSpan(start * width, (end - start) * width)));

        // Row i of dW sums input[r, i] · outputGradient[r, ·] over the rows r, read transposed from the input.
        ParallelChunks.For(width, 1, maxDegreeOfParallelism, (start, end) =>
            MatrixKernels.MultiplyAdd(
                input.AsSpan(start), 1, width, end - start, rows, outputGradient, width, gradient.AsSpan(layer.Weights + (start * width), (end - start) * width)));
        var biasGradient = gradient.AsSpan(layer.Bias, width);
        for (var r = 0; r < rows; r++)
        {
            VectorOps.AddScaled(biasGradient, outputGradient.AsSpan(r * width, width), 1f);
        }
    }

    /// <summary>The transpose of a row-major <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
    private static float[] Transpose(ReadOnlySpan<float> matrix, int rows, int columns)
    {
        var transposed = new float[matrix.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                transposed[(c * rows) + r] = matrix[(r * columns) + c];
            }
        }

        return transposed;
    }
}

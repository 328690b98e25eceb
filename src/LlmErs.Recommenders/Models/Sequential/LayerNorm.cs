namespace LlmErs.Recommenders;

/// <summary>
/// Layer normalization of each row, <c>y = g ⊙ (x − mean) / sqrt(var + ε) + s</c>, and its gradients. The forward
/// pass keeps the normalized rows and each row's inverse deviation for the backward pass.
/// </summary>
internal static class LayerNorm
{
    private const float Epsilon = 1e-5f;
    private const int RowsPerChunk = 64;

    public static void Forward(float[] input, int rows, int width, float[] parameters, NormOffsets norm, float[] normalized, float[] inverseDeviations, float[] output, int maxDegreeOfParallelism) =>
        ParallelChunks.For(rows, RowsPerChunk, maxDegreeOfParallelism, (start, end) =>
        {
            var gain = parameters.AsSpan(norm.Gain, width);
            var shift = parameters.AsSpan(norm.Shift, width);
            for (var r = start; r < end; r++)
            {
                var x = input.AsSpan(r * width, width);
                var mean = 0f;
                foreach (var value in x)
                {
                    mean += value;
                }

                mean /= width;
                var variance = 0f;
                foreach (var value in x)
                {
                    variance += (value - mean) * (value - mean);
                }

                var inverse = 1f / MathF.Sqrt((variance / width) + Epsilon);
                inverseDeviations[r] = inverse;
                var xhat = normalized.AsSpan(r * width, width);
                var y = output.AsSpan(r * width, width);
                for (var c = 0; c < width; c++)
                {
                    xhat[c] = (x[c] - mean) * inverse;
                    y[c] = (gain[c] * xhat[c]) + shift[c];
                }
            }
        });

    /// <summary>Adds the gradient with respect to the input to <paramref name="inputGradient"/>, and those of the gain and shift to <paramref name="gradient"/>.</summary>
    public static void Backward(
        float[] outputGradient, int rows, int width, float[] parameters, NormOffsets norm, float[] normalized, float[] inverseDeviations, float[] gradient, float[] inputGradient, int maxDegreeOfParallelism)
    {
        var gainGradient = gradient.AsSpan(norm.Gain, width);
        var shiftGradient = gradient.AsSpan(norm.Shift, width);
        for (var r = 0; r < rows; r++)
        {
            var dy = outputGradient.AsSpan(r * width, width);
            var xhat = normalized.AsSpan(r * width, width);
            for (var c = 0; c < width; c++)
            {
                gainGradient[c] += dy[c] * xhat[c];
                shiftGradient[c] += dy[c];
            }
        }

        ParallelChunks.For(rows, RowsPerChunk, maxDegreeOfParallelism, (start, end) =>
        {
            var gain = parameters.AsSpan(norm.Gain, width);
            Span<float> dxhat = stackalloc float[width];
            for (var r = start; r < end; r++)
            {
                var dy = outputGradient.AsSpan(r * width, width);
                var xhat = normalized.AsSpan(r * width, width);
                float meanGradient = 0f, meanProduct = 0f;
                for (var c = 0; c < width; c++)
                {
                    dxhat[c] = dy[c] * gain[c];
                    meanGradient += dxhat[c];
                    meanProduct += dxhat[c] * xhat[c];
                }

                (meanGradient, meanProduct) = (meanGradient / width, meanProduct / width);
                var dx = inputGradient.AsSpan(r * width, width);
                var inverse = inverseDeviations[r];
                for (var c = 0; c < width; c++)
                {
                    dx[c] += inverse * (dxhat[c] - meanGradient - (xhat[c] * meanProduct));
                }
            }
        });
    }
}

namespace LlmErs.Recommenders;

/// <summary>
/// Scaled dot-product self-attention within each sequence of a batch, each position attending to itself and the
/// positions before it (causal), per head, and its gradients. Sequences are independent, so they run in parallel; the
/// sums within a sequence run in a fixed order.
/// </summary>
/// <remarks>
/// A batch holds only real items (sequences are not padded), so there is no padding to mask: the causal mask is the
/// whole mask.
/// </remarks>
internal static class CausalAttention
{
    /// <summary>Writes the attention output of every row to <paramref name="output"/> and the attention weights to <paramref name="probabilities"/>.</summary>
    public static void Forward(SequenceBatch batch, int heads, int width, float[] queries, float[] keys, float[] values, float[] probabilities, float[] output, int maxDegreeOfParallelism)
    {
        var headWidth = width / heads;
        var scale = 1f / MathF.Sqrt(headWidth);
        ParallelChunks.For(batch.Count, 1, maxDegreeOfParallelism, (first, last) =>
        {
            for (var s = first; s < last; s++)
            {
                var (start, length) = (batch.Starts[s], batch.Lengths[s]);
                for (var h = 0; h < heads; h++)
                {
                    var weights = probabilities.AsSpan(batch.AttentionStarts[s] + (h * length * length), length * length);
                    for (var t = 0; t < length; t++)
                    {
                        var query = Head(queries, start + t, h, width, headWidth);
                        var row = weights.Slice(t * length, t + 1);
                        var max = float.NegativeInfinity;
                        for (var j = 0; j <= t; j++)
                        {
                            row[j] = VectorOps.Dot(query, Head(keys, start + j, h, width, headWidth)) * scale;
                            max = MathF.Max(max, row[j]);
                        }

                        var sum = 0f;
                        for (var j = 0; j <= t; j++)
                        {
                            row[j] = MathF.Exp(row[j] - max);
                            sum += row[j];
                        }

                        var target = Head(output, start + t, h, width, headWidth);
                        target.Clear();
                        for (var j = 0; j <= t; j++)
                        {
                            row[j] /= sum;
                            VectorOps.AddScaled(target, Head(values, start + j, h, width, headWidth), row[j]);
                        }
                    }
                }
            }
        });
    }

    /// <summary>Writes the gradients with respect to the queries, keys and values from that of the output.</summary>
    public static void Backward(
        SequenceBatch batch, int heads, int width, float[] queries, float[] keys, float[] values, float[] probabilities, float[] outputGradient,
        float[] queryGradient, float[] keyGradient, float[] valueGradient, int maxDegreeOfParallelism)
    {
        var headWidth = width / heads;
        var scale = 1f / MathF.Sqrt(headWidth);
        ParallelChunks.For(batch.Count, 1, maxDegreeOfParallelism, (first, last) =>
        {
            var scores = new float[batch.MaxLength];
            for (var s = first; s < last; s++)
            {
                var (start, length) = (batch.Starts[s], batch.Lengths[s]);
                foreach (var gradient in new[] { queryGradient, keyGradient, valueGradient })
                {
                    gradient.AsSpan(start * width, length * width).Clear();
                }

                for (var h = 0; h < heads; h++)
                {
                    var weights = probabilities.AsSpan(batch.AttentionStarts[s] + (h * length * length), length * length);
                    for (var t = 0; t < length; t++)
                    {
                        var row = weights.Slice(t * length, t + 1);
                        var dOutput = Head(outputGradient, start + t, h, width, headWidth);
                        var weighted = 0f;
                        for (var j = 0; j <= t; j++)
                        {
                            scores[j] = VectorOps.Dot(dOutput, Head(values, start + j, h, width, headWidth));
                            weighted += row[j] * scores[j];
                            VectorOps.AddScaled(Head(valueGradient, start + j, h, width, headWidth), dOutput, row[j]);
                        }

                        var dQuery = Head(queryGradient, start + t, h, width, headWidth);
                        var query = Head(queries, start + t, h, width, headWidth);
                        for (var j = 0; j <= t; j++)
                        {
                            var dScore = row[j] * (scores[j] - weighted) * scale;
                            VectorOps.AddScaled(dQuery, Head(keys, start + j, h, width, headWidth), dScore);
                            VectorOps.AddScaled(Head(keyGradient, start + j, h, width, headWidth), query, dScore);
                        }
                    }
                }
            }
        });
    }

    private static Span<float> Head(float[] matrix, int row, int head, int width, int headWidth) =>
        matrix.AsSpan((row * width) + (head * headWidth), headWidth);
}

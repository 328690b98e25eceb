using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// The cosine between the embedding of each free-text answer and the embedding of the prompt it answered (the item's
/// rendered inputs): how far the answer stays on the item's own text.
/// </summary>
internal static class AnswerSimilarity
{
    public static async Task<double[]> CosinesAsync<TItem>(
        IEmbeddingGenerator<string, Embedding<float>> generator, LlmField<TItem> field, IReadOnlyList<TItem> items, int batchSize,
        CancellationToken cancellationToken)
    {
        var cosines = new double[items.Count];
        await OverlappedBatches.RunAsync(
            Enumerable.Range(0, (items.Count + batchSize - 1) / batchSize).Select(b => b * batchSize),
            (start, token) =>
            {
                var batch = items.Skip(start).Take(batchSize).ToList();
                return generator.GenerateAsync([.. batch.Select(i => AnswerText.Of(field, i)), .. batch.Select(field.RenderPrompt)], cancellationToken: token);
            },
            (start, embeddings) =>
            {
                var count = Math.Min(batchSize, items.Count - start);
                if (embeddings.Count != 2 * count)
                {
                    throw new InvalidOperationException(
                        $"The embedding generator returned {embeddings.Count} vector(s) for {2 * count} text(s) of {field}; it must return one per text.");
                }

                for (var i = 0; i < count; i++)
                {
                    cosines[start + i] = TensorPrimitives.CosineSimilarity(embeddings[i].Vector.Span, embeddings[count + i].Vector.Span);
                }
            },
            cancellationToken).ConfigureAwait(false);

        return cosines;
    }
}

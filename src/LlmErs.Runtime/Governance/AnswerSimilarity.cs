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
        for (var start = 0; start < items.Count; start += batchSize)
        {
            var batch = items.Skip(start).Take(batchSize).ToList();
            var texts = batch.Select(i => AnswerText.Of(field, i)).Concat(batch.Select(field.RenderPrompt)).ToList();
            var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != texts.Count)
            {
                throw new InvalidOperationException(
                    $"The embedding generator returned {embeddings.Count} vector(s) for {texts.Count} text(s) of {field}; it must return one per text.");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                cosines[start + i] = TensorPrimitives.CosineSimilarity(embeddings[i].Vector.Span, embeddings[batch.Count + i].Vector.Span);
            }
        }

        return cosines;
    }
}

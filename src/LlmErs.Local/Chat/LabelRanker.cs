using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace LlmErs.Local;

/// <summary>
/// Zero-shot choice by embedding similarity: the labels closest to the text win. Label vectors are computed once
/// per label, since the same vocabulary is asked about for every item.
/// </summary>
internal sealed class LabelRanker(EmbeddingBatcher embeddings)
{
    private readonly ConcurrentDictionary<string, float[]> _labels = new(StringComparer.Ordinal);

    /// <summary>Labels with their cosine similarity to <paramref name="text"/>, best first (ties keep vocabulary order).</summary>
    public Task<IReadOnlyList<(string Label, float Similarity)>> RankAsync(string text, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        RankAsync([text], labels, cancellationToken);

    /// <summary>
    /// Labels with their cosine similarity to the mean direction of <paramref name="texts"/> (each text's unit vector
    /// weighs the same), best first (ties keep vocabulary order). One text is <see cref="RankAsync(string, IReadOnlyList{string}, CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<(string Label, float Similarity)>> RankAsync(IReadOnlyList<string> texts, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var missing = labels.Where(l => !_labels.ContainsKey(l)).Distinct().ToList();
        var inputs = new List<string>(missing);
        inputs.AddRange(texts);
        var vectors = await embeddings.EmbedAsync(inputs, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < missing.Count; i++)
        {
            _labels.TryAdd(missing[i], vectors[i].ToArray());
        }

        var query = texts.Count == 1 ? vectors[^1] : MeanDirection(vectors.Skip(missing.Count));
        return labels
            .Select((label, index) => (Label: label, Index: index, Similarity: TensorPrimitives.CosineSimilarity(query.Span, _labels[label])))
            .OrderByDescending(x => x.Similarity)
            .ThenBy(x => x.Index)
            .Select(x => (x.Label, x.Similarity))
            .ToList();
    }

    private static ReadOnlyMemory<float> MeanDirection(IEnumerable<ReadOnlyMemory<float>> vectors)
    {
        float[]? sum = null;
        foreach (var vector in vectors)
        {
            sum ??= new float[vector.Length];
            var norm = TensorPrimitives.Norm(vector.Span);
            if (norm > 0)
            {
                TensorPrimitives.MultiplyAdd(vector.Span, 1f / norm, sum, sum);
            }
        }

        return sum;
    }
}

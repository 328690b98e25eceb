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
    public async Task<IReadOnlyList<(string Label, float Similarity)>> RankAsync(string text, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var missing = labels.Where(l => !_labels.ContainsKey(l)).Distinct().ToList();
        var inputs = new List<string>(missing) { text };
        var vectors = await embeddings.EmbedAsync(inputs, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < missing.Count; i++)
        {
            _labels.TryAdd(missing[i], vectors[i].ToArray());
        }

        var query = vectors[^1];
        return labels
            .Select((label, index) => (Label: label, Index: index, Similarity: TensorPrimitives.CosineSimilarity(query.Span, _labels[label])))
            .OrderByDescending(x => x.Similarity)
            .ThenBy(x => x.Index)
            .Select(x => (x.Label, x.Similarity))
            .ToList();
    }
}

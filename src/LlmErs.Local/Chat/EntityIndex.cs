using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace LlmErs.Local;

/// <summary>
/// The vectors of a relation's entity names, computed once per name list and kept while the list lives: a catalog
/// relation's names are the whole catalog (thousands of items), so each request may only pay for one scan. Similarities
/// are <see cref="TensorPrimitives.CosineSimilarity(ReadOnlySpan{float}, ReadOnlySpan{float})"/> of the model's vectors as
/// they come, as <see cref="LabelRanker"/> computes them, so a vocabulary is ranked exactly as tags are.
/// </summary>
internal sealed class EntityIndex(EmbeddingBatcher embeddings, int textsPerCall)
{
    private readonly ConditionalWeakTable<IReadOnlyList<string>, Lazy<Task<Vectors>>> _vectors = [];

    /// <summary>The cosine similarity of <paramref name="query"/> to each of <paramref name="names"/>, at the names' positions.</summary>
    public async Task<float[]> SimilaritiesAsync(IReadOnlyList<string> names, ReadOnlyMemory<float> query, CancellationToken cancellationToken)
    {
        // Lazy: concurrent first requests wait on one computation instead of each embedding the whole catalog.
        var vectors = await _vectors.GetValue(names, list => new Lazy<Task<Vectors>>(() => EmbedAsync(list)))
            .Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var similarities = new float[names.Count];
        for (var i = 0; i < similarities.Length; i++)
        {
            similarities[i] = TensorPrimitives.CosineSimilarity(query.Span, vectors.Row(i));
        }

        return similarities;
    }

    /// <summary><paramref name="text"/>'s vector.</summary>
    public async Task<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken) =>
        (await embeddings.EmbedAsync([text], cancellationToken).ConfigureAwait(false))[0];

    // Not one caller's token: the vectors serve every later request, and each waits on its own token.
    private async Task<Vectors> EmbedAsync(IReadOnlyList<string> names)
    {
        var chunks = names.Chunk(textsPerCall).Select(chunk => embeddings.EmbedAsync(chunk, CancellationToken.None));
        var vectors = (await Task.WhenAll(chunks).ConfigureAwait(false)).SelectMany(v => v).ToList();
        var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        var values = new float[vectors.Count * dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            vectors[i].Span.CopyTo(values.AsSpan(i * dimensions, dimensions));
        }

        return new Vectors(values, dimensions);
    }

    private sealed record Vectors(float[] Values, int Dimensions)
    {
        public ReadOnlySpan<float> Row(int index) => Values.AsSpan(index * Dimensions, Dimensions);
    }
}

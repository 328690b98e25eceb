using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// What the cached embedding generators share: each input looked up by its key, the inputs that missed sent to the
/// model in one call, in the caller's order, and their vectors kept as the model returned them, bit for bit, with the
/// cache writes awaited together (so a durable cache commits them at once).
/// </summary>
internal static class CachedVectors
{
    /// <summary><paramref name="modelId"/>, else the model id <paramref name="inner"/> reports; a generator that names no model cannot share a cache.</summary>
    public static string ModelIdOf(object inner, string? modelId) =>
        modelId
        ?? (inner as IEmbeddingGenerator)?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
        ?? throw new ArgumentException("The embedding generator reports no model id; pass one so cached vectors of different models never mix.", nameof(modelId));

    /// <summary>The vectors of <paramref name="inputs"/>, in order; usage is the model's, for the inputs it embedded.</summary>
    /// <param name="inputs">What to embed.</param>
    /// <param name="keyOf">Each input's cache key.</param>
    /// <param name="generate">The model, called once with the inputs that missed.</param>
    /// <param name="cache">Where vectors are kept.</param>
    /// <param name="modelId">The model's id, for the vectors and the error.</param>
    /// <param name="unit">What an input is, plural, for the error ("texts").</param>
    /// <param name="cancellationToken">Cancels the lookups, the call and the writes.</param>
    public static async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync<TInput>(
        IReadOnlyList<TInput> inputs,
        Func<TInput, CacheKey> keyOf,
        Func<IEnumerable<TInput>, Task<GeneratedEmbeddings<Embedding<float>>>> generate,
        IEnrichmentCache cache,
        string modelId,
        string unit,
        CancellationToken cancellationToken)
    {
        var vectors = new Embedding<float>?[inputs.Count];
        var missing = new List<int>();
        var keys = new CacheKey[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            keys[i] = keyOf(inputs[i]);
            var cached = await cache.GetAsync(keys[i], cancellationToken).ConfigureAwait(false);
            if (cached.Status == CacheLookupStatus.Hit && cached.Value.Length is > 0 and var length && length % sizeof(float) == 0
                && VectorCodec.Decode(cached.Value.Span, length / sizeof(float)) is { } vector)
            {
                vectors[i] = new Embedding<float>(vector) { ModelId = modelId };
            }
            else
            {
                missing.Add(i);
            }
        }

        UsageDetails? usage = null;
        if (missing.Count > 0)
        {
            var generated = await generate([.. missing.Select(i => inputs[i])]).ConfigureAwait(false);
            if (generated.Count != missing.Count)
            {
                throw new InvalidOperationException($"The embedding model '{modelId}' returned {generated.Count} vector(s) for {missing.Count} {unit}; it must return one for each.");
            }

            usage = generated.Usage;
            var writes = new Task[missing.Count];
            for (var m = 0; m < missing.Count; m++)
            {
                vectors[missing[m]] = generated[m];
                writes[m] = cache.SetAsync(keys[missing[m]], VectorCodec.Encode(generated[m].Vector.Span), cancellationToken).AsTask();
            }

            await Task.WhenAll(writes).ConfigureAwait(false);
        }

        return new GeneratedEmbeddings<Embedding<float>>([.. vectors.Select(vector => vector!)]) { Usage = usage };
    }
}

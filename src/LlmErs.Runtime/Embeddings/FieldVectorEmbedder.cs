using LlmErs.Vectors;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// What text and image embeddings share: a field's vector is looked up in the cache by its content address; what misses
/// is embedded in batches, checked against the field's dimension, L2-normalized, cached and set on the item. A batch's
/// cache writes go out together, so a run killed after a batch keeps it and a rerun embeds only what follows.
/// </summary>
/// <typeparam name="TInput">What the model embeds: texts or images.</typeparam>
internal sealed class FieldVectorEmbedder<TInput>
{
    private readonly IEmbeddingGenerator<TInput, Embedding<float>> _generator;
    private readonly IEnrichmentCache _cache;
    private readonly string _model;
    private readonly string _inputs;

    /// <param name="generator">The model.</param>
    /// <param name="cache">Where vectors are kept.</param>
    /// <param name="modelId">The model id the options name; the generator's when <see langword="null"/>.</param>
    /// <param name="modelIdOption">The option to set when neither names it, for the error.</param>
    /// <param name="model">The model's kind in messages ("embedding model", "image embedding model").</param>
    /// <param name="inputs">The inputs' plural in messages ("texts", "images").</param>
    /// <exception cref="ArgumentException">Neither <paramref name="modelId"/> nor the generator names the model.</exception>
    public FieldVectorEmbedder(
        IEmbeddingGenerator<TInput, Embedding<float>> generator, IEnrichmentCache cache, string? modelId, string modelIdOption, string model, string inputs)
    {
        _generator = generator;
        _cache = cache;
        _model = model;
        _inputs = inputs;
        ModelId = modelId
                  ?? generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
                  ?? throw new ArgumentException(
                      $"The {model}'s generator reports no model id; set {modelIdOption} so cached vectors of different models never mix.", nameof(modelId));
    }

    /// <summary>The model's id, as cache keys and vector stores name it.</summary>
    public string ModelId { get; }

    /// <summary>The cache key of <paramref name="field"/>'s vector of <paramref name="content"/> (a text, or an image's digest).</summary>
    public CacheKey KeyOf<T>(EmbeddingField<T> field, string content) => EmbeddingCacheKey.Create(field.Fingerprint, ModelId, content);

    /// <summary>Sets <paramref name="field"/> of <paramref name="item"/> from the cache; false on a miss.</summary>
    public async ValueTask<bool> TrySetCachedAsync<T>(EmbeddingField<T> field, T item, CacheKey key, CancellationToken cancellationToken)
    {
        var cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached.Status != CacheLookupStatus.Hit || VectorCodec.Decode(cached.Value.Span, field.Dimensions) is not { } vector)
        {
            return false;
        }

        field.SetVector(item, vector);
        return true;
    }

    /// <summary>Embeds, caches and sets one batch; returns the model's usage.</summary>
    /// <exception cref="InvalidOperationException">The model returns another number of vectors, or vectors of another dimension than the field declares.</exception>
    public async Task<UsageDetails?> EmbedAsync<T>(EmbeddingField<T> field, IReadOnlyList<(T Item, TInput Input, CacheKey Key)> batch, CancellationToken cancellationToken)
    {
        var embeddings = await _generator.GenerateAsync(batch.Select(b => b.Input), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != batch.Count)
        {
            throw new InvalidOperationException($"The {_model} '{ModelId}' returned {embeddings.Count} vectors for {batch.Count} {_inputs} of {field}.");
        }

        // One write at a time would cost a durable cache a commit per vector.
        var writes = new Task[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var source = embeddings[i].Vector.Span;
            if (source.Length != field.Dimensions)
            {
                throw new InvalidOperationException(
                    $"{field} is declared with Dimensions = {field.Dimensions}, but the {_model} '{ModelId}' returns {source.Length}-dimensional vectors. " +
                    $"Set Dimensions = {source.Length} on the [Embedding] attribute, or use a model of {field.Dimensions} dimensions.");
            }

            var vector = new float[source.Length];
            VectorMath.Normalize(source, vector);
            writes[i] = _cache.SetAsync(batch[i].Key, VectorCodec.Encode(vector), cancellationToken).AsTask();
            field.SetVector(batch[i].Item, vector);
        }

        await Task.WhenAll(writes).ConfigureAwait(false);
        return embeddings.Usage;
    }
}

using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// What <see cref="CachedEmbeddingGenerator"/> (texts) and <see cref="CachedImageEmbeddingGenerator"/> (images) share:
/// each input is looked up in an <see cref="IEnrichmentCache"/> under the model id and what identifies the input, the
/// inputs that miss go to the inner generator in one call, in the caller's order, and their vectors are kept as the
/// model returned them, bit for bit, so whatever is computed from a cached vector is what a fresh one gives.
/// </summary>
/// <remarks>
/// A call's cache writes are awaited together, so a durable cache commits them at once. Usage is reported for the
/// inputs that were embedded.
/// </remarks>
/// <typeparam name="TInput">What is embedded.</typeparam>
public abstract class CachedVectorGenerator<TInput> : DelegatingEmbeddingGenerator<TInput, Embedding<float>>
{
    private readonly IEnrichmentCache _cache;
    private readonly string _fingerprint;
    private readonly string _unit;
    private readonly string _modelId;

    private protected CachedVectorGenerator(IEmbeddingGenerator<TInput, Embedding<float>> innerGenerator, IEnrichmentCache cache, string? modelId, string fingerprint, string unit)
        : base(innerGenerator)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _fingerprint = fingerprint;
        _unit = unit;
        _modelId = modelId
                   ?? innerGenerator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
                   ?? throw new ArgumentException("The embedding generator reports no model id; pass one so cached vectors of different models never mix.", nameof(modelId));
    }

    /// <inheritdoc/>
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<TInput> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values as IReadOnlyList<TInput> ?? [.. values];
        var vectors = new Embedding<float>?[inputs.Count];
        var missing = new List<int>();
        var keys = new CacheKey[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            keys[i] = EmbeddingCacheKey.Create(_fingerprint, _modelId, Identity(inputs[i]));
            var cached = await _cache.GetAsync(keys[i], cancellationToken).ConfigureAwait(false);
            if (cached.Status == CacheLookupStatus.Hit && cached.Value.Length is > 0 and var length && length % sizeof(float) == 0
                && VectorCodec.Decode(cached.Value.Span, length / sizeof(float)) is { } vector)
            {
                vectors[i] = new Embedding<float>(vector) { ModelId = _modelId };
            }
            else
            {
                missing.Add(i);
            }
        }

        UsageDetails? usage = null;
        if (missing.Count > 0)
        {
            var generated = await base.GenerateAsync([.. missing.Select(i => inputs[i])], options, cancellationToken).ConfigureAwait(false);
            if (generated.Count != missing.Count)
            {
                throw new InvalidOperationException($"The embedding model '{_modelId}' returned {generated.Count} vector(s) for {missing.Count} {_unit}; it must return one for each.");
            }

            usage = generated.Usage;
            var writes = new Task[missing.Count];
            for (var m = 0; m < missing.Count; m++)
            {
                vectors[missing[m]] = generated[m];
                writes[m] = _cache.SetAsync(keys[missing[m]], VectorCodec.Encode(generated[m].Vector.Span), cancellationToken).AsTask();
            }

            await Task.WhenAll(writes).ConfigureAwait(false);
        }

        return new GeneratedEmbeddings<Embedding<float>>([.. vectors.Select(vector => vector!)]) { Usage = usage };
    }

    /// <summary>What tells inputs apart in the cache key: the exact text, or an image's digest.</summary>
    private protected abstract string Identity(TInput input);
}

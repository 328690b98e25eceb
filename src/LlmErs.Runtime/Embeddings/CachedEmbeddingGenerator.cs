using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// An embedding generator that keeps every vector it returns in an <see cref="IEnrichmentCache"/> (the pipeline's,
/// usually), keyed by model id and exact text as <see cref="EmbeddingStage"/> keys its vectors, so that a rerun embeds
/// only texts it has not seen. Vectors are kept as the model returned them, bit for bit: a cosine or a threshold
/// computed from a cached vector is the one computed from a fresh one. Give it to a
/// <see cref="FaithfulnessGate{TItem}"/> so that the gate embeds nothing on an unchanged rerun.
/// </summary>
/// <remarks>
/// The texts of one call that miss the cache go to the inner generator in one call, in the caller's order; their
/// cache writes are awaited together, so a durable cache commits them at once. Usage is reported for the texts that
/// were embedded.
/// </remarks>
public sealed class CachedEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    // The vectors are the model's raw output; the embedding stage's are normalized, so the two never share an entry.
    private const string Fingerprint = "llmers-raw-vector-v1";

    private readonly IEnrichmentCache _cache;
    private readonly string _modelId;

    /// <summary>Wraps <paramref name="innerGenerator"/>.</summary>
    /// <param name="innerGenerator">The model.</param>
    /// <param name="cache">Where vectors are kept.</param>
    /// <param name="modelId">The model's id in cache keys; the generator's <see cref="EmbeddingGeneratorMetadata.DefaultModelId"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Neither <paramref name="modelId"/> nor the generator names the model.</exception>
    public CachedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, IEnrichmentCache cache, string? modelId = null)
        : base(innerGenerator)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _modelId = modelId
                   ?? innerGenerator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
                   ?? throw new ArgumentException("The embedding generator reports no model id; pass one so cached vectors of different models never mix.", nameof(modelId));
    }

    /// <inheritdoc/>
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var vectors = new Embedding<float>?[texts.Count];
        var missing = new List<int>();
        var keys = new CacheKey[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            keys[i] = EmbeddingCacheKey.Create(Fingerprint, _modelId, texts[i]);
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
            var generated = await base.GenerateAsync([.. missing.Select(i => texts[i])], options, cancellationToken).ConfigureAwait(false);
            if (generated.Count != missing.Count)
            {
                throw new InvalidOperationException($"The embedding model '{_modelId}' returned {generated.Count} vector(s) for {missing.Count} text(s); it must return one per text.");
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
}

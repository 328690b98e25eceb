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
        _modelId = CachedVectors.ModelIdOf(innerGenerator, modelId);
    }

    /// <inheritdoc/>
    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return CachedVectors.GenerateAsync(
            values as IReadOnlyList<string> ?? [.. values],
            text => EmbeddingCacheKey.Create(Fingerprint, _modelId, text),
            missing => base.GenerateAsync(missing, options, cancellationToken),
            _cache,
            _modelId,
            "texts",
            cancellationToken);
    }
}

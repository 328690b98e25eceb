using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// An image embedding generator that keeps every vector it returns in an <see cref="IEnrichmentCache"/>, keyed by model
/// id and image (its media type and an XxHash128 of its bytes, as <see cref="ImageEmbeddingStage"/> tells images apart),
/// so that a rerun embeds only images it has not seen. Vectors are kept as the model returned them, bit for bit: what is
/// computed from a cached vector is what would be computed from a fresh one. For image vectors a caller uses directly,
/// e.g. to fit an alignment into the text space; the pipeline's image fields are cached by <see cref="ImageEmbeddingStage"/>.
/// </summary>
/// <remarks>
/// The images of one call that miss the cache go to the inner generator in one call, in the caller's order; their
/// cache writes are awaited together. Usage is reported for the images that were embedded.
/// </remarks>
public sealed class CachedImageEmbeddingGenerator : DelegatingEmbeddingGenerator<DataContent, Embedding<float>>
{
    // Raw vectors, as the model returned them; the image stage's are normalized, so the two never share an entry.
    private const string Fingerprint = "llmers-raw-image-vector-v1";

    private readonly IEnrichmentCache _cache;
    private readonly string _modelId;

    /// <summary>Wraps <paramref name="innerGenerator"/>.</summary>
    /// <param name="innerGenerator">The image model.</param>
    /// <param name="cache">Where vectors are kept.</param>
    /// <param name="modelId">The model's id in cache keys; the generator's <see cref="EmbeddingGeneratorMetadata.DefaultModelId"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Neither <paramref name="modelId"/> nor the generator names the model.</exception>
    public CachedImageEmbeddingGenerator(IEmbeddingGenerator<DataContent, Embedding<float>> innerGenerator, IEnrichmentCache cache, string? modelId = null)
        : base(innerGenerator)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _modelId = CachedVectors.ModelIdOf(innerGenerator, modelId);
    }

    /// <inheritdoc/>
    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<DataContent> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return CachedVectors.GenerateAsync(
            values as IReadOnlyList<DataContent> ?? [.. values],
            image => EmbeddingCacheKey.Create(Fingerprint, _modelId, ImageDigest.Of(image.MediaType, image.Data.Span)),
            missing => base.GenerateAsync(missing, options, cancellationToken),
            _cache,
            _modelId,
            "images",
            cancellationToken);
    }
}

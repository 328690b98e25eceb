using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// An image embedding generator that keeps every vector it returns in an <see cref="IEnrichmentCache"/>, keyed by model
/// id and image (its media type and an XxHash128 of its bytes, as <see cref="ImageEmbeddingStage"/> tells images apart),
/// so that a rerun embeds only images it has not seen. Vectors are kept as the model returned them, bit for bit. For
/// image vectors your own code uses, e.g. to fit an alignment into the text space; the pipeline's image fields are
/// cached by <see cref="ImageEmbeddingStage"/>.
/// </summary>
/// <remarks><inheritdoc cref="CachedVectorGenerator{TInput}" path="/remarks/node()"/></remarks>
public sealed class CachedImageEmbeddingGenerator : CachedVectorGenerator<DataContent>
{
    // Raw vectors, as the model returned them; the image stage's are normalized, so the two never share an entry.
    private const string Fingerprint = "llmers-raw-image-vector-v1";

    /// <summary>Wraps <paramref name="innerGenerator"/>.</summary>
    /// <param name="innerGenerator">The image model.</param>
    /// <param name="cache">Where vectors are kept.</param>
    /// <param name="modelId">The model's id in cache keys; the generator's <see cref="EmbeddingGeneratorMetadata.DefaultModelId"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Neither <paramref name="modelId"/> nor the generator names the model.</exception>
    public CachedImageEmbeddingGenerator(IEmbeddingGenerator<DataContent, Embedding<float>> innerGenerator, IEnrichmentCache cache, string? modelId = null)
        : base(innerGenerator, cache, modelId, Fingerprint, "images")
    {
    }

    private protected override string Identity(DataContent input) => ImageDigest.Of(input.MediaType, input.Data.Span);
}

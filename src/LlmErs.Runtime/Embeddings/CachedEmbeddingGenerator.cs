using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// An embedding generator that keeps every vector it returns in an <see cref="IEnrichmentCache"/> (the pipeline's,
/// usually), keyed by model id and exact text as <see cref="EmbeddingStage"/> keys its vectors, so that a rerun embeds
/// only texts it has not seen. Vectors are kept as the model returned them, bit for bit: a cosine or a threshold
/// computed from a cached vector is the one computed from a fresh one. Give it to a
/// <see cref="FaithfulnessGate{TItem}"/> so that the gate embeds nothing on an unchanged rerun.
/// </summary>
/// <remarks><inheritdoc cref="CachedVectorGenerator{TInput}" path="/remarks/node()"/></remarks>
public sealed class CachedEmbeddingGenerator : CachedVectorGenerator<string>
{
    // The vectors are the model's raw output; the embedding stage's are normalized, so the two never share an entry.
    private const string Fingerprint = "llmers-raw-vector-v1";

    /// <summary>Wraps <paramref name="innerGenerator"/>.</summary>
    /// <param name="innerGenerator">The model.</param>
    /// <param name="cache">Where vectors are kept.</param>
    /// <param name="modelId">The model's id in cache keys; the generator's <see cref="EmbeddingGeneratorMetadata.DefaultModelId"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Neither <paramref name="modelId"/> nor the generator names the model.</exception>
    public CachedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, IEnrichmentCache cache, string? modelId = null)
        : base(innerGenerator, cache, modelId, Fingerprint, "texts")
    {
    }

    private protected override string Identity(string input) => input;
}

using System.Globalization;

namespace LlmErs;

/// <summary>What an <see cref="ImageEmbeddingStage"/> run did.</summary>
/// <param name="Vectors">Vectors set, from the cache or the model.</param>
/// <param name="CacheHits">Vectors that came from the cache.</param>
/// <param name="ModelCalls">Calls to the image embedding model.</param>
/// <param name="WithoutImage">Item fields with no image, left without a vector.</param>
/// <param name="Failures">
/// Item fields whose image could not be embedded (missing, unreadable, oversized, or an address, which a local model
/// cannot fetch), each naming the item, the field and the image; they are left without a vector.
/// </param>
public sealed record ImageEmbeddingReport(int Vectors, int CacheHits, int ModelCalls, int WithoutImage, IReadOnlyList<ImageEmbeddingFailure> Failures)
{
    /// <summary>One line: the vectors, where they came from, and what was left without one.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Embedded {Vectors} image vector(s) ({CacheHits} from the cache, {ModelCalls} model call(s)); {Failures.Count} image(s) could not be read, {WithoutImage} item field(s) have no image.");
}

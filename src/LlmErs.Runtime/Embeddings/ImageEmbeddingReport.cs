using System.Globalization;
using System.Text;

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
    /// <summary>A readable summary: the vectors, where they came from, and the first images that could not be read.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture,
            $"Embedded {Vectors} image vector(s) ({CacheHits} from the cache, {ModelCalls} model call(s)); {Failures.Count} image(s) could not be read, {WithoutImage} item field(s) have no image.\n");
        foreach (var failure in Failures.Take(EnrichmentReport.ShownFailures))
        {
            builder.Append(CultureInfo.InvariantCulture, $"  ! {failure}\n");
        }

        if (Failures.Count > EnrichmentReport.ShownFailures)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  … and {Failures.Count - EnrichmentReport.ShownFailures} more failure(s); see the JSON report.\n");
        }

        return builder.ToString();
    }
}

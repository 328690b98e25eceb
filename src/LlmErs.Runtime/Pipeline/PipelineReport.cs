using System.Globalization;
using System.Text;
using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// What an <see cref="OfflinePipeline{TItem}"/> run did: each stage's report, the statuses of every derived field and
/// the files written. Written as <c>report.json</c>; <see cref="ToString"/> gives a readable summary.
/// </summary>
public sealed class PipelineReport
{
    /// <summary>The run's id, as in the manifest.</summary>
    public required string RunId { get; init; }

    /// <summary>The enrichment stage's report.</summary>
    public required EnrichmentReport Enrichment { get; init; }

    /// <summary>The embedding stage's report; <see langword="null"/> when the item type has no text embedding field.</summary>
    public required EmbeddingReport? Embedding { get; init; }

    /// <summary>
    /// The image embedding step's report, naming every image that could not be read; <see langword="null"/> when the item
    /// type has no image embedding field.
    /// </summary>
    public ImageEmbeddingReport? ImageEmbedding { get; init; }

    /// <summary>The quality of each semantic-ID field's codes, by field name.</summary>
    public required IReadOnlyDictionary<string, SemanticIdQualityReport> SemanticIds { get; init; }

    /// <summary>
    /// How each semantic-ID field's IDs moved since the previous run over the same output folder, by field name: the
    /// codebook reused or trained again, and every item whose ID changed.
    /// </summary>
    public required IReadOnlyDictionary<string, SemanticIdChanges> SemanticIdChanges { get; init; }

    /// <summary>Items per status, by derived field name, in dependency order.</summary>
    public required IReadOnlyDictionary<string, StatusCounts> Statuses { get; init; }

    /// <summary>The feature files and vector stores written.</summary>
    public required IReadOnlyList<OutputFile> Files { get; init; }

    /// <summary>What the governance gates quarantined and what review decided.</summary>
    public required GovernanceReport Governance { get; init; }

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJsonContext.Default.PipelineReport);

    /// <summary>A readable summary: the enrichment report, then one line per later stage and field.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Enrichment.ToString());
        if (Embedding is { } embedding)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"Embedded {embedding.Vectors} vector(s) ({embedding.CacheHits} from the cache, {embedding.ModelCalls} model call(s)) in {embedding.WallTime.TotalSeconds:F1} s");
            builder.Append(embedding.TruncatedTexts > 0 ? $"; {embedding.TruncatedTexts} text(s) cut to the model's token window.\n" : ".\n");
        }

        builder.Append(ImageEmbedding?.ToString());

        foreach (var (field, quality) in SemanticIds)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"Semantic IDs of {field}: collision rate {quality.CollisionRate:P1} before de-duplication, relative reconstruction error {quality.RelativeError:F3}.\n");
            if (SemanticIdChanges.TryGetValue(field, out var changes))
            {
                builder.Append(CultureInfo.InvariantCulture,
                    $"  {changes.Levels} levels of {changes.Codes} codes, {(changes.Retrained ? $"codebook trained ({changes.RetrainedBecause})" : "saved codebook reused")}: " +
                    $"{changes.Kept} ID(s) kept, {changes.Changed.Count} changed, {changes.Added} new, {changes.Removed} removed.\n");
            }
        }

        SummaryTable.Append(builder, ["Field", "ok", "unknown", "failed", "quarantined"],
            Statuses.Select(p => (IReadOnlyList<string>)[
                p.Key, SummaryTable.Number(p.Value.Ok), SummaryTable.Number(p.Value.Unknown), SummaryTable.Number(p.Value.Failed), SummaryTable.Number(p.Value.Quarantined)]));
        foreach (var file in Files)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Wrote {file.Path} ({file.Kind}, {SummaryTable.Number(file.Bytes)} bytes).\n");
        }

        return builder.ToString();
    }
}

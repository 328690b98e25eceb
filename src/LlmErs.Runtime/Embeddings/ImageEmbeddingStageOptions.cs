namespace LlmErs;

/// <summary>Options of <see cref="ImageEmbeddingStage"/>.</summary>
public sealed class ImageEmbeddingStageOptions
{
    /// <summary>The model's id in cache keys; by default the generator's <c>EmbeddingGeneratorMetadata.DefaultModelId</c>.</summary>
    public string? ModelId { get; set; }

    /// <summary>How many images one call embeds. Default 16.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// How images are read (size limit). <see langword="null"/> (the default): in an <see cref="OfflinePipeline{TItem}"/>,
    /// as its enrichment reads them (<see cref="EnrichmentOptions.Images"/>), so one limit serves both stages; on its
    /// own, <see cref="ImageOptions"/>' defaults.
    /// </summary>
    public ImageOptions? Images { get; set; }
}

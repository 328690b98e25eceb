namespace LlmErs;

/// <summary>Options of <see cref="ImageEmbeddingStage"/>.</summary>
public sealed class ImageEmbeddingStageOptions
{
    /// <summary>The model's id in cache keys; by default the generator's <c>EmbeddingGeneratorMetadata.DefaultModelId</c>.</summary>
    public string? ModelId { get; set; }

    /// <summary>How many images one call embeds. Default 16.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>How images are read (size limit).</summary>
    public ImageOptions Images { get; set; } = new();
}

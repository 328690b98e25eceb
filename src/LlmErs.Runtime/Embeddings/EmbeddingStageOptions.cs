namespace LlmErs;

/// <summary>Options of <see cref="EmbeddingStage"/>.</summary>
public sealed class EmbeddingStageOptions
{
    /// <summary>Texts sent to the embedding model per call. Default 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// The model id that cache keys include; by default the generator's <c>EmbeddingGeneratorMetadata.DefaultModelId</c>.
    /// Set it when the generator does not report one, so that vectors of different models never mix.
    /// </summary>
    public string? ModelId { get; set; }
}

namespace LlmErs;

/// <summary>Options of <see cref="EmbeddingStage"/>.</summary>
public sealed class EmbeddingStageOptions
{
    /// <summary>
    /// Texts sent to the embedding model per call, sorted by length so that a call's texts are of similar length.
    /// Default 256: enough for a local model to split a call into batches that run on every core.
    /// </summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// The model id that cache keys include; by default the generator's <c>EmbeddingGeneratorMetadata.DefaultModelId</c>.
    /// Set it when the generator does not report one, so that vectors of different models never mix.
    /// </summary>
    public string? ModelId { get; set; }

    /// <summary>
    /// The cleaning of each value an embedding template interpolates: the same as prompts get (HTML to text when
    /// <see cref="PromptHygieneOptions.ConvertHtmlToText"/>, control characters stripped), without the delimiters and
    /// token budgets of chat prompts. <see langword="null"/> (the default): in an <see cref="OfflinePipeline{TItem}"/>,
    /// the engine's <see cref="EnrichmentOptions.Hygiene"/>, so prompts and embedding texts read the same values; for a
    /// stage on its own, the defaults.
    /// </summary>
    public PromptHygieneOptions? Hygiene { get; set; }
}

namespace LlmErs.Local;

/// <summary>Options for <see cref="MiniLmEmbeddingGenerator"/>.</summary>
public sealed class MiniLmEmbeddingGeneratorOptions
{
    /// <summary>
    /// How many texts go through the model at once. Default 32: larger batches amortize the per-call cost, but every
    /// text in a batch is padded to the batch's longest. Results do not depend on it.
    /// </summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How many threads the model may use per batch, or <see langword="null"/> for ONNX Runtime's default (one per core).</summary>
    public int? Threads { get; set; }
}

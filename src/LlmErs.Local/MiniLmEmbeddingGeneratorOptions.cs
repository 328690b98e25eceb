namespace LlmErs.Local;

/// <summary>Options for <see cref="MiniLmEmbeddingGenerator"/>.</summary>
public sealed class MiniLmEmbeddingGeneratorOptions
{
    /// <summary>
    /// How many texts go through the model at once. Default 32: larger batches amortize the per-call cost, but every
    /// text in a batch is padded to the batch's longest (texts are sorted by length first, so neighbours are of
    /// similar length). Results do not depend on it.
    /// </summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// How many threads the model may use: batches run side by side, one thread each. <see langword="null"/> (the
    /// default) for one per core. Results do not depend on it.
    /// </summary>
    public int? Threads { get; set; }
}

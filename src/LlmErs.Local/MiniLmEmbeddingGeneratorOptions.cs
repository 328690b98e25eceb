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
    /// The most word pieces a batch holds, padding included. Default 2,048: 32 catalog lines, or 8 texts at the model's
    /// 256-piece window. The model's working memory grows with texts × length², and ONNX Runtime keeps the largest it
    /// ever needed for the life of the generator, so a batch of 32 long texts would cost several hundred megabytes for
    /// good; a batch of 8 costs a quarter of that per text and the same time. A text longer than this goes alone.
    /// Results do not depend on it.
    /// </summary>
    public int BatchTokens { get; set; } = 2_048;

    /// <summary>
    /// How many threads the model may use: batches run side by side, one thread each, at most this many at once across
    /// calls made at the same time. <see langword="null"/> (the default) for one per core. Results do not depend on it.
    /// </summary>
    public int? Threads { get; set; }
}

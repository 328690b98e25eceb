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
    /// The most word pieces a batch holds, padding included. Default 512: 32 catalog lines, or 2 texts at the model's
    /// 256-piece window. A word piece costs least from about 200 to 1,000 pieces a batch and 2–10% more at 2,048,
    /// where a batch's activations outgrow the core's cache (<c>--batch-cost-report</c> in tests/LlmErs.Benchmarks);
    /// the model's working memory grows with the batch, and ONNX Runtime keeps the largest it ever needed for the life
    /// of the generator. A text longer than this goes alone. Results do not depend on it.
    /// </summary>
    public int BatchTokens { get; set; } = 512;

    /// <summary>
    /// How many threads the model may use: batches run side by side, one thread each, at most this many at once across
    /// calls made at the same time. <see langword="null"/> (the default) for one per core. Results do not depend on it.
    /// </summary>
    public int? Threads { get; set; }
}

namespace LlmErs;

/// <summary>
/// Names under which an embedding generator reports what it did to its inputs, so that a pipeline can say so in its
/// report without knowing the generator.
/// </summary>
public static class EmbeddingUsage
{
    /// <summary>
    /// The key, in <c>GeneratedEmbeddings.Usage.AdditionalCounts</c>, of how many of the call's texts were cut to the
    /// model's token limit: their vectors describe only the beginning of the text.
    /// </summary>
    public const string TruncatedInputCount = "llmers.truncated_input_count";
}

namespace LlmErs.Local;

/// <summary>Options of <see cref="OfflineChatClient"/>.</summary>
public sealed class OfflineChatClientOptions
{
    /// <summary>
    /// The model id the client reports (and that cache keys include). Default <c>llmers-offline-v6</c>: the version
    /// changes whenever the client's answers can, so a cache never serves an older client's answer as this one's (v3
    /// reads candidate histories line by line and long prompts sentence by sentence; v4 reads a prompt by its sentences
    /// whenever MiniLM would cut it, not only past 1,024 characters; v5 chooses a summary's sentences by their words,
    /// TF-IDF, rather than by their embeddings; v6 ends no sentence inside parentheses or after an initial, an acronym or
    /// a common abbreviation).
    /// </summary>
    public string ModelId { get; set; } = "llmers-offline-v6";

    /// <summary>
    /// Tags within this cosine-similarity margin of the best tag are chosen too (up to the field's maximum tag count). Default 0.05.
    /// </summary>
    public float TagMargin { get; set; } = 0.05f;

    /// <summary>
    /// A triples correction fixes a given triple to its relation's entity most similar to the prompt when that entity's
    /// cosine similarity exceeds the given tail's by at least this much; otherwise it keeps the triple. Default 0.1.
    /// </summary>
    public float CorrectionMargin { get; set; } = 0.1f;

    /// <summary>
    /// Below this similarity a nullable choice is answered <c>null</c> ("unknown") rather than with the closest label.
    /// Default 0 (always choose).
    /// </summary>
    public float MinimumChoiceSimilarity { get; set; }
}

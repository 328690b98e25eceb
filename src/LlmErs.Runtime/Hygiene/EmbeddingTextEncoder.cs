namespace LlmErs;

/// <summary>
/// Cleans each value an <see cref="EmbeddingAttribute"/> template interpolates exactly as prompt hygiene does, but
/// without the <c>&lt;item&gt;</c> delimiters and token budgets, which are meant for chat prompts: an embedding model
/// should see the item's text, not markup around it.
/// </summary>
internal sealed class EmbeddingTextEncoder(PromptHygieneOptions options) : IPromptInputEncoder
{
    /// <inheritdoc/>
    public string Encode(string input, string value) => PromptHygiene.CleanInput(value, options);
}

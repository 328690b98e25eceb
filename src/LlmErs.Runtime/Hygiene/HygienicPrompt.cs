namespace LlmErs;

/// <summary>
/// A rendered prompt after cleaning: the text to send, the inputs (template expressions, as written) cut to their
/// token budget, and whether the whole prompt had to be cut to its own.
/// </summary>
internal readonly record struct HygienicPrompt(string Text, IReadOnlyList<string>? TruncatedInputs, bool PromptTruncated)
{
    /// <summary>Whether anything of the prompt was cut: an input, or the whole.</summary>
    public bool Truncated => PromptTruncated || TruncatedInputs is { Count: > 0 };
}

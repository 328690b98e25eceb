namespace LlmErs;

/// <summary>
/// Rewrites each value a template interpolates before it is written into a rendered text: generated
/// <see cref="LlmField{T}.RenderPrompt(T, IPromptInputEncoder)"/> and
/// <see cref="EmbeddingField{T}.RenderText(T, IPromptInputEncoder)"/> pass every <c>{{ expression }}</c> output through
/// <see cref="Encode"/>, while the template's literal text is written unchanged. The runtime's prompt hygiene uses it
/// to clean, bound and delimit item data without touching the template's instructions.
/// </summary>
public interface IPromptInputEncoder
{
    /// <summary>
    /// The text to write in place of <paramref name="value"/>, the output of one interpolation, converted to text as
    /// Scriban converts it. Not called when the value is null (Scriban writes nothing then).
    /// </summary>
    /// <param name="input">
    /// The interpolation's expression as written in the template, trimmed: <c>overview</c>, <c>director?.name</c>,
    /// <c>genres | array.join ', '</c>. The same expression inside a loop is one input, seen once per iteration.
    /// </param>
    /// <param name="value">The rendered value.</param>
    string Encode(string input, string value);
}

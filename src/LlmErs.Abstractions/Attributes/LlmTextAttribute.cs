namespace LlmErs;

/// <summary>
/// Free text written by the LLM: a summary, a pitch, a piece of reasoning.
/// Applies to a <c>partial string?</c> property.
/// </summary>
public sealed class LlmTextAttribute(string template) : LlmFieldAttribute(template)
{
    /// <summary>Upper bound on the answer's length in words; answers over it are re-asked. Default 50.</summary>
    public int MaxWords { get; set; } = 50;
}

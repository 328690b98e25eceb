namespace LlmErs;

/// <summary>
/// Free text corrected and mapped to one entry of a canonical vocabulary (e.g. "U.S.A", "usa" → "United States").
/// Applies to a <c>partial string</c> property; a nullable one lets the model answer "unknown".
/// </summary>
public sealed class LlmNormalizeAttribute(string template) : LlmFieldAttribute(template)
{
    /// <summary>The canonical values. Required, non-empty, without duplicates.</summary>
    public string[] Vocabulary { get; set; } = [];
}

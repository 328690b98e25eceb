namespace LlmErs;

/// <summary>
/// Tags chosen from a closed vocabulary. Applies to a <c>partial IReadOnlyList&lt;string&gt;</c> property.
/// Answers are matched to the vocabulary case-insensitively and stored in its spelling.
/// </summary>
public sealed class LlmTagsAttribute(string template) : LlmFieldAttribute(template)
{
    /// <summary>The allowed tags. Required, non-empty, without duplicates.</summary>
    public string[] Vocabulary { get; set; } = [];

    /// <summary>Fewest tags an answer may hold. Default 0.</summary>
    public int Min { get; set; }

    /// <summary>Most tags an answer may hold; 0 means up to the vocabulary's size. Default 0.</summary>
    public int Max { get; set; }
}

namespace LlmErs;

/// <summary>
/// A proposed correction of a source member (a typo, wrong casing, a missing brand), kept beside the original, which is
/// never overwritten: the property holds the corrected text, or <see langword="null"/> when the model finds nothing to
/// correct (or the field failed — its <c>&lt;Field&gt;_status</c> column in feature files tells which). Applies to a
/// <c>partial string?</c> property; <paramref name="source"/> names the <c>string</c> member it corrects, e.g.
/// <c>[LlmCorrect(nameof(Title), "Correct the spelling and casing of {{ title }} …")]</c>.
/// </summary>
/// <param name="source">The member corrected: <c>nameof</c> of a <c>string</c> property or field of the same type.</param>
/// <param name="template">The prompt template.</param>
public sealed class LlmCorrectAttribute(string source, string template) : LlmFieldAttribute(template)
{
    /// <summary>The member corrected.</summary>
    public string Source { get; } = source;
}

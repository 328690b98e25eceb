namespace LlmErs;

/// <summary>The cleaning steps applied to a text value (<see cref="TextCleaner"/>); combine them as flags.</summary>
[Flags]
public enum CleanText
{
    /// <summary>The value is kept as it is.</summary>
    None = 0,

    /// <summary>
    /// HTML to text with an HTML5 parser: tags (also an unterminated one) removed, entities decoded, scripts, styles and
    /// comments dropped, block elements turned into line breaks.
    /// </summary>
    Html = 1,

    /// <summary>C0/C1 control characters and bidirectional overrides removed; carriage returns become line feeds.</summary>
    ControlCharacters = 2,

    /// <summary>Unicode normalization to form C (composed), so equal text is equal code points.</summary>
    Normalize = 4,

    /// <summary>Runs of whitespace collapsed to one space (one line break when they hold one); both ends trimmed.</summary>
    Whitespace = 8,

    /// <summary>Every step.</summary>
    All = Html | ControlCharacters | Normalize | Whitespace,
}

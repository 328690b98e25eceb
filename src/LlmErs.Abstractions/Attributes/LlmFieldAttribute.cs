namespace LlmErs;

/// <summary>
/// Base of the attributes that declare a field an LLM writes from a prompt.
/// The prompt is a Scriban template over the item's members (snake_case names, e.g.
/// <c>{{ release_year }}</c>); the generator checks and compiles it at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public abstract class LlmFieldAttribute(string template) : Attribute
{
    /// <summary>The Scriban prompt template.</summary>
    public string Template { get; } = template;

    /// <summary>Optional system instructions sent with every request for this field.</summary>
    public string? Instructions { get; set; }

    /// <summary>Optional description of the answer; it goes into the field's JSON schema.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Words and phrases the answer must not contain, matched on Unicode-normalized (NFKC), case-folded text at word
    /// boundaries: <c>"bad"</c> matches "BAD", "Ｂad" and "bad." but not "badge". An answer that contains one is re-asked
    /// once with the reason, then quarantined by the pipeline's word gate (<c>quarantined: words</c>).
    /// </summary>
    public string[]? BlockedWords { get; set; }

    /// <summary>
    /// Phrases that may contain a blocked word without violating it (e.g. "killer whale" beside a blocked "killer"):
    /// a blocked match inside an allowed phrase does not count.
    /// </summary>
    public string[]? AllowedWords { get; set; }

    /// <summary>
    /// Names of word lists registered at run time in <c>GovernanceOptions.WordLists</c> (for example a shared
    /// "profanity" list kept outside the code), whose entries the answer must not contain, matched as
    /// <see cref="BlockedWords"/> are. A name that is not registered stops the run before any model call, naming the
    /// field and the list.
    /// </summary>
    public string[]? BlockedWordLists { get; set; }

    /// <summary>Names of registered word lists whose phrases may contain a blocked word, as <see cref="AllowedWords"/> do.</summary>
    public string[]? AllowedWordLists { get; set; }

    /// <summary>
    /// The item member whose images are sent beside the prompt, for a vision-capable model (<c>Images = nameof(Poster)</c>):
    /// an <see cref="ItemImage"/>, a list of them, a file path or <c>http(s)</c> address (a <see cref="string"/>), a
    /// <see cref="System.Uri"/>, or encoded bytes (<c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>). The image bytes are
    /// part of the field's cache key, so a changed image is asked again. A missing, unreadable or oversized image fails
    /// that item's field, naming the file.
    /// </summary>
    public string? Images { get; set; }
}

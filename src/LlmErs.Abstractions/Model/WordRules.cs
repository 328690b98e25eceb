namespace LlmErs;

/// <summary>
/// The word rules of an LLM field, as declared with <see cref="LlmFieldAttribute.BlockedWords"/>,
/// <see cref="LlmFieldAttribute.AllowedWords"/> and the named lists of <see cref="LlmFieldAttribute.BlockedWordLists"/>
/// and <see cref="LlmFieldAttribute.AllowedWordLists"/>: the answer must not contain a blocked word or phrase unless it
/// stands inside an allowed phrase. The runtime resolves the list names against its registered lists; its word gate and
/// the engine's re-ask enforce the rules.
/// </summary>
public sealed class WordRules
{
    private static readonly IReadOnlyList<string> Nothing = Array.AsReadOnly(Array.Empty<string>());

    /// <summary>Creates the rules; the lists are copied.</summary>
    /// <param name="blockedWords">Words and phrases the answer must not contain.</param>
    /// <param name="allowedWords">Phrases in which a blocked word does not count; optional.</param>
    public WordRules(IReadOnlyList<string> blockedWords, IReadOnlyList<string>? allowedWords = null)
        : this(blockedWords, allowedWords, null, null)
    {
    }

    /// <summary>Creates the rules with named word lists; the lists are copied.</summary>
    /// <param name="blockedWords">Words and phrases the answer must not contain.</param>
    /// <param name="allowedWords">Phrases in which a blocked word does not count; optional.</param>
    /// <param name="blockedWordLists">Names of registered lists of words the answer must not contain; optional.</param>
    /// <param name="allowedWordLists">Names of registered lists of allowed phrases; optional.</param>
    public WordRules(
        IReadOnlyList<string> blockedWords, IReadOnlyList<string>? allowedWords, IReadOnlyList<string>? blockedWordLists, IReadOnlyList<string>? allowedWordLists)
    {
        ArgumentNullException.ThrowIfNull(blockedWords);
        BlockedWords = Array.AsReadOnly([.. blockedWords]);
        AllowedWords = Copy(allowedWords);
        BlockedWordLists = Copy(blockedWordLists);
        AllowedWordLists = Copy(allowedWordLists);
    }

    /// <summary>No rules: every answer passes.</summary>
    public static WordRules None { get; } = new([]);

    /// <summary>Words and phrases the answer must not contain.</summary>
    public IReadOnlyList<string> BlockedWords { get; }

    /// <summary>Phrases in which a blocked word does not count.</summary>
    public IReadOnlyList<string> AllowedWords { get; }

    /// <summary>Names of registered word lists whose entries are blocked too.</summary>
    public IReadOnlyList<string> BlockedWordLists { get; }

    /// <summary>Names of registered word lists whose phrases are allowed too.</summary>
    public IReadOnlyList<string> AllowedWordLists { get; }

    /// <summary>Whether there is nothing to check: no blocked word and no blocked list.</summary>
    public bool IsEmpty => BlockedWords.Count == 0 && BlockedWordLists.Count == 0;

    private static IReadOnlyList<string> Copy(IReadOnlyList<string>? values) => values is null || values.Count == 0 ? Nothing : Array.AsReadOnly([.. values]);
}

namespace LlmErs;

/// <summary>
/// The word rules of an LLM field, as declared with <see cref="LlmFieldAttribute.BlockedWords"/> and
/// <see cref="LlmFieldAttribute.AllowedWords"/>: the answer must not contain a blocked word or phrase unless it stands
/// inside an allowed phrase. The runtime's word gate and the engine's re-ask enforce them.
/// </summary>
public sealed class WordRules
{
    private static readonly IReadOnlyList<string> Nothing = Array.AsReadOnly(Array.Empty<string>());

    /// <summary>Creates the rules; the lists are copied.</summary>
    /// <param name="blockedWords">Words and phrases the answer must not contain.</param>
    /// <param name="allowedWords">Phrases in which a blocked word does not count; optional.</param>
    public WordRules(IReadOnlyList<string> blockedWords, IReadOnlyList<string>? allowedWords = null)
    {
        ArgumentNullException.ThrowIfNull(blockedWords);
        BlockedWords = Array.AsReadOnly([.. blockedWords]);
        AllowedWords = allowedWords is null ? Nothing : Array.AsReadOnly([.. allowedWords]);
    }

    /// <summary>No rules: every answer passes.</summary>
    public static WordRules None { get; } = new([]);

    /// <summary>Words and phrases the answer must not contain.</summary>
    public IReadOnlyList<string> BlockedWords { get; }

    /// <summary>Phrases in which a blocked word does not count.</summary>
    public IReadOnlyList<string> AllowedWords { get; }

    /// <summary>Whether there is nothing to check.</summary>
    public bool IsEmpty => BlockedWords.Count == 0;
}

namespace LlmErs;

/// <summary>
/// Governance settings shared by the engine (which re-asks an answer that breaks a field's word rules) and the pipeline's
/// word gate (which quarantines one the model would not fix). Set them as <see cref="EnrichmentOptions.Governance"/>.
/// </summary>
public sealed class GovernanceOptions
{
    /// <summary>
    /// Word lists by name (case-sensitive), for fields that reference them with
    /// <see cref="LlmFieldAttribute.BlockedWordLists"/> or <see cref="LlmFieldAttribute.AllowedWordLists"/>: lists kept
    /// outside the code (a profanity list, a competitor's brand names) and shared by many fields. Entries match as
    /// <see cref="LlmFieldAttribute.BlockedWords"/> do. A field that names a list missing here stops the run before any
    /// model call.
    /// </summary>
    public IDictionary<string, IReadOnlyList<string>> WordLists { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
}

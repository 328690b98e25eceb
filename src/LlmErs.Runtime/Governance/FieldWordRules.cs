namespace LlmErs;

/// <summary>A field's word rules with its named lists replaced by their registered entries: what the matcher checks.</summary>
internal static class FieldWordRules
{
    /// <summary>The matcher of <paramref name="field"/>'s rules; <see langword="null"/> when it declares none.</summary>
    /// <exception cref="InvalidOperationException">The field names a word list that <paramref name="options"/> does not register, or one with a null entry.</exception>
    public static WordMatcher? MatcherOf<T>(LlmField<T> field, GovernanceOptions options)
    {
        var rules = field.WordRules;
        if (rules.IsEmpty)
        {
            return null;
        }

        return new WordMatcher(new WordRules(
            [.. rules.BlockedWords, .. Entries(field, nameof(WordRules.BlockedWordLists), rules.BlockedWordLists, options)],
            [.. rules.AllowedWords, .. Entries(field, nameof(WordRules.AllowedWordLists), rules.AllowedWordLists, options)]));
    }

    private static IEnumerable<string> Entries<T>(LlmField<T> field, string option, IReadOnlyList<string> names, GovernanceOptions options)
    {
        foreach (var name in names)
        {
            if (!options.WordLists.TryGetValue(name, out var words) || words is null)
            {
                var registered = options.WordLists.Count == 0 ? "none is registered" : $"registered: {string.Join(", ", options.WordLists.Keys.Select(k => $"'{k}'"))}";
                throw new InvalidOperationException(
                    $"{field} names the word list '{name}' in {option}, but {nameof(GovernanceOptions)}.{nameof(GovernanceOptions.WordLists)} has no list of that " +
                    $"name ({registered}). Register it, e.g. options.{nameof(EnrichmentOptions.Governance)}.{nameof(GovernanceOptions.WordLists)}[\"{name}\"] = [...], " +
                    "or fix the name in the attribute.");
            }

            foreach (var word in words)
            {
                yield return word ?? throw new InvalidOperationException(
                    $"The word list '{name}' that {field} names in {option} holds a null entry; remove it from {nameof(GovernanceOptions)}.{nameof(GovernanceOptions.WordLists)}[\"{name}\"].");
            }
        }
    }
}

namespace LlmErs;

/// <summary>
/// The most tokens a valid answer to a field can take, from its <see cref="AnswerConstraints"/>: exact for booleans,
/// numbers and closed vocabularies (the longest entry, times the most items for tags); a configured estimate for free
/// text. Dry runs and the tokens-per-minute limit use it before the provider reports the real count.
/// </summary>
internal static class AnswerAllowance
{
    // {"value": …} and a little slack for whitespace.
    private const int EnvelopeTokens = 6;
    private const int NumberTokens = 4;

    public static int Estimate(AnswerConstraints constraints, int textAnswerTokens, int? maxOutputTokens)
    {
        var tokens = EnvelopeTokens + ValueTokens(constraints, textAnswerTokens);
        return maxOutputTokens is { } max && max < tokens ? max : tokens;
    }

    private static int ValueTokens(AnswerConstraints constraints, int textAnswerTokens) => constraints.Kind switch
    {
        AnswerKind.Boolean => 1,
        AnswerKind.Integer or AnswerKind.Number => NumberTokens,
        AnswerKind.Choice => LongestChoice(constraints.Choices),
        // The brackets, then each tag and its separator.
        AnswerKind.Tags or AnswerKind.Ranking => 2 + constraints.MaxCount * (1 + LongestChoice(constraints.Choices)),
        // The braces, then each of the two member names, its colon and key.
        AnswerKind.Preference => 2 + 2 * (4 + LongestChoice(constraints.Choices)),
        // The brackets, then each triple: its braces, member names and separators, the relation and the entity (named as
        // the model may name it: a catalog item by its name).
        AnswerKind.Triples => 2 + constraints.MaxCount * (8
            + LongestChoice([.. constraints.Relations.Select(r => r.Name)])
            + LongestChoice([.. constraints.Relations.SelectMany(r => r.Names)])),
        _ => textAnswerTokens,
    };

    private static int LongestChoice(IReadOnlyList<string> choices)
    {
        var longest = 1;
        foreach (var choice in choices)
        {
            // Quotes around the entry.
            longest = Math.Max(longest, TokenCounter.Count(choice) + 2);
        }

        return longest;
    }
}

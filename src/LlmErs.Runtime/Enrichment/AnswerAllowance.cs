using System.Text.Json;

namespace LlmErs;

/// <summary>
/// The most tokens a valid answer to a field's JSON schema can take: exact for booleans, numbers and closed vocabularies
/// (the longest entry, times the most items for tags); a configured estimate for free text. Dry runs and the
/// tokens-per-minute limit use it before the provider reports the real count.
/// </summary>
internal static class AnswerAllowance
{
    // {"value": …} and a little slack for whitespace.
    private const int EnvelopeTokens = 6;
    private const int NumberTokens = 4;

    public static int Estimate(JsonElement schema, int textAnswerTokens, int? maxOutputTokens)
    {
        var value = schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("value", out var v) ? v : default;
        var tokens = EnvelopeTokens + ValueTokens(value, textAnswerTokens);
        return maxOutputTokens is { } max && max < tokens ? max : tokens;
    }

    private static int ValueTokens(JsonElement value, int textAnswerTokens)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return textAnswerTokens;
        }

        if (value.TryGetProperty("enum", out var choices))
        {
            return LongestChoice(choices);
        }

        return TypeOf(value) switch
        {
            "boolean" => 1,
            "integer" or "number" => NumberTokens,
            "array" => value.TryGetProperty("items", out var items) && value.TryGetProperty("maxItems", out var maxItems) && maxItems.TryGetInt32(out var most)
                ? 2 + most * (1 + ValueTokens(items, textAnswerTokens))
                : textAnswerTokens,
            _ => textAnswerTokens,
        };
    }

    private static int LongestChoice(JsonElement choices)
    {
        var longest = 1;
        foreach (var choice in choices.EnumerateArray())
        {
            if (choice.ValueKind == JsonValueKind.String)
            {
                // Quotes around the entry.
                longest = Math.Max(longest, TokenCounter.Count(choice.GetString()!) + 2);
            }
        }

        return longest;
    }

    private static string? TypeOf(JsonElement value)
    {
        if (!value.TryGetProperty("type", out var type))
        {
            return null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        // ["string", "null"]: the non-null member.
        foreach (var member in type.EnumerateArray())
        {
            if (member.ValueKind == JsonValueKind.String && member.GetString() != "null")
            {
                return member.GetString();
            }
        }

        return null;
    }
}

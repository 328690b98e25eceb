using System.Text.Json;

namespace LlmErs.Quickstart;

/// <summary>
/// The closed set of answers of an LLM field, read from the JSON schema the generator computed, so that a vocabulary is
/// declared once, on the attribute: a tag or choice vocabulary, true and false for a boolean, and <see cref="Unknown"/>
/// where the schema allows null. Free text and numbers have none.
/// </summary>
internal static class AnswerChoices
{
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> Of<T>(LlmField<T> field)
    {
        using var schema = JsonDocument.Parse(field.JsonSchema);
        var value = schema.RootElement.GetProperty("properties").GetProperty("value");
        // A tag list is never null; its choices are those of each tag.
        if (value.TryGetProperty("items", out var items))
        {
            value = items;
        }

        if (value.TryGetProperty("enum", out var choices))
        {
            return [.. choices.EnumerateArray().Select(choice => choice.GetString() ?? Unknown)];
        }

        var type = value.GetProperty("type");
        string?[] types = type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString())] : [type.GetString()];
        if (!types.Contains("boolean"))
        {
            return [];
        }

        return types.Contains("null") ? ["true", "false", Unknown] : ["true", "false"];
    }

    /// <summary>The item's answer among <see cref="Of{T}(LlmField{T})"/>: the chosen tags, or the one chosen value.</summary>
    public static IReadOnlyList<string> Chosen<T>(LlmField<T> field, T item)
    {
        using var answer = JsonDocument.Parse(field.FormatAnswer(item));
        var value = answer.RootElement.GetProperty("value");
        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Select(tag => tag.GetString()!)],
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.True => ["true"],
            JsonValueKind.False => ["false"],
            JsonValueKind.Null => [Unknown],
            _ => throw new InvalidOperationException($"{field} has no closed set of answers."),
        };
    }
}

using System.Text.Json;

namespace LlmErs;

/// <summary>
/// The words of an answer that gates read: every string in the answer's <c>value</c> (a text, a choice, each tag), one
/// per line. JSON syntax and property names are left out, so that a blocked "value" never matches the envelope.
/// </summary>
internal static class AnswerText
{
    /// <summary>The text of the field's current value of <paramref name="item"/>.</summary>
    public static string Of<T>(LlmField<T> field, T item) => Of(field.FormatAnswer(item));

    public static string Of(string answerJson)
    {
        using var document = JsonDocument.Parse(answerJson);
        var lines = new List<string>();
        Collect(document.RootElement.TryGetProperty("value", out var value) ? value : document.RootElement, lines);
        return string.Join('\n', lines);
    }

    /// <summary>The field's current value of <paramref name="item"/> as JSON (the answer's <c>value</c>).</summary>
    public static JsonElement ValueOf<T>(LlmField<T> field, T item)
    {
        using var document = JsonDocument.Parse(field.FormatAnswer(item));
        return (document.RootElement.TryGetProperty("value", out var value) ? value : document.RootElement).Clone();
    }

    private static void Collect(JsonElement element, List<string> lines)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                lines.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var entry in element.EnumerateArray())
                {
                    Collect(entry, lines);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, lines);
                }

                break;
        }
    }
}

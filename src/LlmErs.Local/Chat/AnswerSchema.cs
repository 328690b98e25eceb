using System.Text.Json;
using System.Text.RegularExpressions;

namespace LlmErs.Local;

/// <summary>What kind of answer a generated schema asks for.</summary>
internal enum AnswerKind
{
    Text,
    Choice,
    Tags,
    Boolean,
    Integer,
    Number,
    String,
}

/// <summary>
/// The <c>value</c> member of an LlmErs answer schema (<c>{"type":"object","properties":{"value":{…}}}</c>),
/// reduced to what an offline answerer needs.
/// </summary>
internal sealed partial record AnswerSchema(
    AnswerKind Kind,
    bool Nullable,
    IReadOnlyList<string> Labels,
    int MinItems,
    int MaxItems,
    double Minimum,
    double Maximum,
    int MaxWords)
{
    public static AnswerSchema Read(JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out var properties) || !properties.TryGetProperty("value", out var value))
        {
            throw new NotSupportedException(
                "The offline chat client answers LlmErs field schemas only (an object with one 'value' property); " +
                "configure a real IChatClient for other requests.");
        }

        var (type, nullable) = ReadType(value);
        var labels = value.TryGetProperty("enum", out var choices) ? Strings(choices) : [];
        switch (type)
        {
            case "array":
                var items = value.GetProperty("items");
                var tags = items.TryGetProperty("enum", out var vocabulary) ? Strings(vocabulary) : [];
                return new AnswerSchema(AnswerKind.Tags, nullable, tags,
                    Int(value, "minItems", 0), Int(value, "maxItems", tags.Count), double.NaN, double.NaN, 0);
            case "boolean":
                return Scalar(AnswerKind.Boolean, nullable, value);
            case "integer":
                return Scalar(AnswerKind.Integer, nullable, value);
            case "number":
                return Scalar(AnswerKind.Number, nullable, value);
            case "string" when labels.Count > 0:
                return new AnswerSchema(AnswerKind.Choice, nullable, labels, 0, 0, double.NaN, double.NaN, 0);
            case "string" when value.TryGetProperty("minLength", out _):
                return new AnswerSchema(AnswerKind.Text, nullable, [], 0, 0, double.NaN, double.NaN, MaxWordsOf(value));
            default:
                return new AnswerSchema(AnswerKind.String, nullable, [], 0, 0, double.NaN, double.NaN, 0);
        }
    }

    private static AnswerSchema Scalar(AnswerKind kind, bool nullable, JsonElement value) =>
        new(kind, nullable, [], 0, 0,
            value.TryGetProperty("minimum", out var min) ? min.GetDouble() : double.NegativeInfinity,
            value.TryGetProperty("maximum", out var max) ? max.GetDouble() : double.PositiveInfinity,
            0);

    private static (string Type, bool Nullable) ReadType(JsonElement value)
    {
        var type = value.GetProperty("type");
        if (type.ValueKind == JsonValueKind.String)
        {
            return (type.GetString()!, false);
        }

        var names = type.EnumerateArray().Select(t => t.GetString()).ToList();
        return (names.First(n => n != "null")!, names.Contains("null"));
    }

    private static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();

    private static int Int(JsonElement element, string name, int fallback) =>
        element.TryGetProperty(name, out var value) ? value.GetInt32() : fallback;

    /// <summary>Text fields state their bound in the description ("At most 40 words."), as the generator writes it.</summary>
    private static int MaxWordsOf(JsonElement value) =>
        value.TryGetProperty("description", out var description) && MaxWordsPattern().Match(description.GetString() ?? "") is { Success: true } match
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 50;

    [GeneratedRegex(@"At most (\d+) words", RegexOptions.CultureInvariant)]
    private static partial Regex MaxWordsPattern();
}

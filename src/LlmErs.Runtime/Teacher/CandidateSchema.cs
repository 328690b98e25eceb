using System.Text;
using System.Text.Json;

namespace LlmErs;

/// <summary>
/// The JSON schema of an answer over per-request candidates, its enum built from this request's candidate keys:
/// a ranking is an array of distinct keys; a preference an object of two keys, "liked" and "disliked".
/// </summary>
internal static class CandidateSchema
{
    public static string Write(AnswerConstraints constraints)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            writer.WriteStartObject("value");
            switch (constraints.Kind)
            {
                case AnswerKind.Ranking:
                    writer.WriteString("type", "array");
                    writer.WriteStartObject("items");
                    WriteKeys(writer, constraints, typed: false);
                    writer.WriteEndObject();
                    writer.WriteNumber("minItems", constraints.MinCount);
                    writer.WriteNumber("maxItems", constraints.MaxCount);
                    writer.WriteBoolean("uniqueItems", true);
                    break;
                case AnswerKind.Preference:
                    writer.WriteString("type", "object");
                    writer.WriteStartObject("properties");
                    foreach (var member in (ReadOnlySpan<string>)["liked", "disliked"])
                    {
                        writer.WriteStartObject(member);
                        WriteKeys(writer, constraints, typed: true);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                    WriteRequired(writer, "liked", "disliked");
                    break;
                default:
                    throw new ArgumentException($"{constraints.Kind} answers are not over per-request candidates.", nameof(constraints));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            WriteRequired(writer, "value");
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // A ranking's items carry the enum alone, as they always have: the schema is part of the cache key.
    private static void WriteKeys(Utf8JsonWriter writer, AnswerConstraints constraints, bool typed)
    {
        if (typed)
        {
            writer.WriteString("type", "string");
        }

        writer.WriteStartArray("enum");
        foreach (var key in constraints.Choices)
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
    }

    private static void WriteRequired(Utf8JsonWriter writer, params ReadOnlySpan<string> members)
    {
        writer.WriteStartArray("required");
        foreach (var member in members)
        {
            writer.WriteStringValue(member);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("additionalProperties", false);
    }
}

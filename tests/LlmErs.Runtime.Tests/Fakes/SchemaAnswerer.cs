using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>
/// Writes a valid answer to a generated JSON schema, chosen deterministically from the prompt and the model, so that
/// every fake model — in process, over HTTP, or in the crash test's child process — answers the same question the
/// same way, and a different question (or model) usually differently.
/// </summary>
internal static class SchemaAnswerer
{
    /// <summary>A fake model's response to one of the engine's requests: a valid answer to its schema, with token counts.</summary>
    public static ChatResponse Respond(IEnumerable<ChatMessage> messages, ChatOptions? options, out string prompt)
    {
        prompt = messages.First(m => m.Role == ChatRole.User).Text;
        var format = (ChatResponseFormatJson)options!.ResponseFormat!;
        var answer = Answer(format.Schema!.Value, prompt, options.ModelId!);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            Usage = new UsageDetails { InputTokenCount = prompt.Length / 4, OutputTokenCount = answer.Length / 4 },
        };
    }

    public static string Answer(JsonElement schema, string prompt, string model)
    {
        var seed = Seed(prompt + "\u001f" + model);
        var value = schema.GetProperty("properties").GetProperty("value");
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("value");
            WriteValue(json, value, seed);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, JsonElement value, uint seed)
    {
        if (value.TryGetProperty("enum", out var choices))
        {
            var allowed = choices.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToArray();
            json.WriteStringValue(allowed[seed % allowed.Length]);
            return;
        }

        switch (TypeOf(value))
        {
            case "boolean":
                json.WriteBooleanValue(seed % 2 == 0);
                break;
            case "integer":
                json.WriteNumberValue(Minimum(value) + seed % 10);
                break;
            case "number":
                json.WriteNumberValue(Minimum(value) + seed % 100 / 10.0);
                break;
            case "array":
                var items = value.GetProperty("items").GetProperty("enum").EnumerateArray().Select(c => c.GetString()!).ToArray();
                var count = Math.Max(1, value.TryGetProperty("minItems", out var min) ? min.GetInt32() : 1);
                json.WriteStartArray();
                for (var i = 0; i < count; i++)
                {
                    json.WriteStringValue(items[(seed + i) % items.Length]);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue($"Answer {seed:x8}");
                break;
        }
    }

    private static long Minimum(JsonElement value) =>
        value.TryGetProperty("minimum", out var minimum) ? (long)minimum.GetDouble() : 0;

    private static string TypeOf(JsonElement value)
    {
        var type = value.GetProperty("type");
        return type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : type.EnumerateArray().Select(t => t.GetString()!).First(t => t != "null");
    }

    private static uint Seed(string text) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
}

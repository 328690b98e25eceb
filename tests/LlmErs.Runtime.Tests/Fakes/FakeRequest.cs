using System.Text.Json;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>What a fake model sees of one request, whichever way it arrived (in process or over HTTP).</summary>
public sealed record FakeRequest(
    string Model,
    string? Field,
    JsonElement Schema,
    IReadOnlyList<(string Role, string Text)> Messages)
{
    public string System => Messages.First(m => m.Role == "system").Text;

    /// <summary>The first user message: the item's prompt.</summary>
    public string Prompt => Messages.First(m => m.Role == "user").Text;

    /// <summary>Whether the request asks for no JSON at all (the engine's preflight), rather than for a field's answer.</summary>
    public bool IsPlain => Schema.ValueKind == JsonValueKind.Undefined;

    /// <summary>Whether this request re-asks after an invalid answer.</summary>
    public bool IsReask => Messages.Count > 2;

    /// <summary>The schema from the response format, or from the system message in schema-in-prompt mode.</summary>
    public static JsonElement SchemaFrom(JsonElement? responseFormatSchema, string system)
    {
        if (responseFormatSchema is { } schema)
        {
            return schema;
        }

        const string Marker = "The answer's JSON schema:\n";
        var start = system.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("The request carries no JSON schema, neither as response format nor in the system message.");
        }

        using var document = JsonDocument.Parse(system[(start + Marker.Length)..]);
        return document.RootElement.Clone();
    }
}

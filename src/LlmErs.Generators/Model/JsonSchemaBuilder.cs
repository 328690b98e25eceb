using System.Collections.Generic;
using System.Linq;
using System.Text;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Model;

/// <summary>
/// Computes the JSON schema of a field's answer at build time. Every answer is an object with one required
/// <c>value</c> member, because providers' structured-output modes require an object at the root.
/// </summary>
internal static class JsonSchemaBuilder
{
    public static string Build(FieldKindSpec kind, FieldOptions options, string? description)
    {
        var value = new List<string>();
        switch (kind)
        {
            case FieldKindSpec.Text:
                value.Add("\"type\":\"string\"");
                value.Add("\"minLength\":1");
                description = Join(description, $"At most {options.MaxWords} words.");
                break;
            case FieldKindSpec.Tags:
                value.Add("\"type\":\"array\"");
                value.Add($"\"items\":{{\"type\":\"string\",\"enum\":{Array(options.Vocabulary)}}}");
                value.Add($"\"minItems\":{options.MinCount}");
                value.Add($"\"maxItems\":{options.MaxCount}");
                value.Add("\"uniqueItems\":true");
                break;
            case FieldKindSpec.Normalized:
                AddChoice(value, options.Vocabulary, options.Nullable);
                break;
            case FieldKindSpec.Value:
                AddValue(value, options);
                break;
        }

        if (description is not null)
        {
            value.Add($"\"description\":{JsonText.String(description)}");
        }

        return "{\"type\":\"object\",\"properties\":{\"value\":{" + string.Join(",", value) +
               "}},\"required\":[\"value\"],\"additionalProperties\":false}";
    }

    private static void AddValue(List<string> value, FieldOptions options)
    {
        switch (options.ValueKind)
        {
            case ValueKind.Boolean:
                value.Add(Type("boolean", options.Nullable));
                break;
            case ValueKind.Int32:
            case ValueKind.Int64:
                value.Add(Type("integer", options.Nullable));
                AddBounds(value, options);
                break;
            case ValueKind.Double:
                value.Add(Type("number", options.Nullable));
                AddBounds(value, options);
                break;
            case ValueKind.String:
                value.Add(Type("string", options.Nullable));
                break;
            case ValueKind.Enum:
                AddChoice(value, options.Vocabulary, options.Nullable);
                break;
        }
    }

    private static void AddChoice(List<string> value, EquatableArray<string> choices, bool nullable)
    {
        value.Add(Type("string", nullable));
        value.Add("\"enum\":" + (nullable ? Array(choices).TrimEnd(']') + ",null]" : Array(choices)));
    }

    private static void AddBounds(List<string> value, FieldOptions options)
    {
        if (!double.IsNaN(options.Minimum))
        {
            value.Add($"\"minimum\":{JsonText.Number(options.Minimum)}");
        }

        if (!double.IsNaN(options.Maximum))
        {
            value.Add($"\"maximum\":{JsonText.Number(options.Maximum)}");
        }
    }

    private static string Type(string type, bool nullable) =>
        nullable ? $"\"type\":[\"{type}\",\"null\"]" : $"\"type\":\"{type}\"";

    private static string Array(IEnumerable<string> items) =>
        "[" + string.Join(",", items.Select(JsonText.String)) + "]";

    private static string? Join(string? first, string second) =>
        string.IsNullOrWhiteSpace(first) ? second : new StringBuilder(first!.TrimEnd()).Append(' ').Append(second).ToString();
}

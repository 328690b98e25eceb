using System.Collections.Generic;
using System.Linq;
using System.Text;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Model;

/// <summary>
/// Computes the JSON schema of a field's answer at build time from its <see cref="AnswerContract"/>. Every answer is an
/// object with one required <c>value</c> member, because providers' structured-output modes require an object at the root.
/// </summary>
internal static class JsonSchemaBuilder
{
    public static string Build(FieldKindSpec kind, FieldOptions options, string? description)
    {
        var value = new List<string>();
        var answer = AnswerContract.Of(kind, options);
        switch (answer?.Kind)
        {
            case AnswerKindSpec.Text:
                value.Add("\"type\":\"string\"");
                value.Add("\"minLength\":1");
                description = Join(description, $"At most {answer.MaxWords} words.");
                break;
            case AnswerKindSpec.Tags:
                value.Add("\"type\":\"array\"");
                value.Add($"\"items\":{{\"type\":\"string\",\"enum\":{Array(answer.Choices)}}}");
                value.Add($"\"minItems\":{answer.MinCount}");
                value.Add($"\"maxItems\":{answer.MaxCount}");
                value.Add("\"uniqueItems\":true");
                break;
            case AnswerKindSpec.Choice:
                value.Add(Type("string", answer.Nullable));
                value.Add("\"enum\":" + (answer.Nullable ? Array(answer.Choices).TrimEnd(']') + ",null]" : Array(answer.Choices)));
                break;
            case AnswerKindSpec.Boolean:
                value.Add(Type("boolean", answer.Nullable));
                break;
            case AnswerKindSpec.Integer:
                value.Add(Type("integer", answer.Nullable));
                AddBounds(value, answer);
                break;
            case AnswerKindSpec.Number:
                value.Add(Type("number", answer.Nullable));
                AddBounds(value, answer);
                break;
            case AnswerKindSpec.String:
                value.Add(Type("string", answer.Nullable));
                break;
        }

        if (description is not null)
        {
            value.Add($"\"description\":{JsonText.String(description)}");
        }

        return "{\"type\":\"object\",\"properties\":{\"value\":{" + string.Join(",", value) +
               "}},\"required\":[\"value\"],\"additionalProperties\":false}";
    }

    private static void AddBounds(List<string> value, AnswerContract answer)
    {
        if (!double.IsNaN(answer.Minimum))
        {
            value.Add($"\"minimum\":{JsonText.Number(answer.Minimum)}");
        }

        if (!double.IsNaN(answer.Maximum))
        {
            value.Add($"\"maximum\":{JsonText.Number(answer.Maximum)}");
        }
    }

    private static string Type(string type, bool nullable) =>
        nullable ? $"\"type\":[\"{type}\",\"null\"]" : $"\"type\":\"{type}\"";

    private static string Array(IEnumerable<string> items) =>
        "[" + string.Join(",", items.Select(JsonText.String)) + "]";

    private static string? Join(string? first, string second) =>
        string.IsNullOrWhiteSpace(first) ? second : new StringBuilder(first!.TrimEnd()).Append(' ').Append(second).ToString();
}

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
            case AnswerKindSpec.Triples:
                // One branch per relation, so a provider's structured output can only pair a relation with its own tails.
                var branches = answer.Relations.Select(r =>
                    "{\"type\":\"object\",\"properties\":{\"relation\":{\"type\":\"string\",\"enum\":" + Array(new[] { r.Name }) +
                    "},\"tail\":" + Tail(r) + "},\"required\":[\"relation\",\"tail\"],\"additionalProperties\":false}");
                value.Add("\"type\":\"array\"");
                value.Add("\"items\":{\"anyOf\":[" + string.Join(",", branches) + "]}");
                value.Add($"\"maxItems\":{answer.MaxCount}");
                break;
            case AnswerKindSpec.TripleVerdicts:
                value.Add("\"type\":\"array\"");
                value.Add("\"items\":{\"type\":\"object\",\"properties\":{\"verdict\":{\"type\":\"string\",\"enum\":[\"keep\",\"fix\",\"drop\"]}," +
                          "\"relation\":{\"type\":\"string\"},\"tail\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"}}," +
                          "\"required\":[\"verdict\",\"relation\",\"tail\",\"reason\"],\"additionalProperties\":false}");
                description = Join(description,
                    "One verdict per given triple, in order: keep it or drop it (restating it), or fix it (stating the replacement); a fix or a drop says why in reason. " +
                    "Relations and tails: " + string.Join("; ", answer.Relations.Select(r => r.Name + ": " + (r.Catalog ? CatalogTail : string.Join(", ", r.Entities)))) + ".");
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

    // The catalog is the run's and may hold thousands of items, too many for an enum: the tail is free text that the
    // run normalizes to an item's key, re-asking when it names none.
    private const string CatalogTail = "the key or the exact name of another item of the catalog";

    private static string Tail(RelationSpec relation) => relation.Catalog
        ? "{\"type\":\"string\",\"description\":" + JsonText.String("The " + CatalogTail.Substring(4) + ".") + "}"
        : "{\"type\":\"string\",\"enum\":" + Array(relation.Entities) + "}";

    private static string Array(IEnumerable<string> items) =>
        "[" + string.Join(",", items.Select(JsonText.String)) + "]";

    private static string? Join(string? first, string second) =>
        string.IsNullOrWhiteSpace(first) ? second : new StringBuilder(first!.TrimEnd()).Append(' ').Append(second).ToString();
}

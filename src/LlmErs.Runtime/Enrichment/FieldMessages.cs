using System.Text;

namespace LlmErs;

/// <summary>The texts of a field's requests: the system message, and the re-ask after an invalid answer.</summary>
internal static class FieldMessages
{
    public static string System(string? instructions, string jsonSchema, StructuredOutputMode mode)
    {
        var builder = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            builder.Append(instructions.Trim()).Append("\n\n");
        }

        builder.Append(PromptHygiene.DataNotice).Append('\n');
        builder.Append("Reply with one JSON object that matches the answer's JSON schema, and nothing else.");
        if (mode == StructuredOutputMode.SchemaInPrompt)
        {
            builder.Append("\nThe answer's JSON schema:\n").Append(jsonSchema);
        }

        return builder.ToString();
    }

    public static string Reask(string validationError) =>
        $"That answer is invalid: {validationError} Reply again with only the corrected JSON object.";
}

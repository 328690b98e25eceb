using System.Security.Cryptography;
using System.Text;

namespace LlmErs.Generators.Model;

/// <summary>
/// The stable hash that identifies what a field asks for. Bump <see cref="FormatVersion"/> whenever generated
/// prompts or parsing change meaning, so caches built by older generators are not reused.
/// </summary>
internal static class Fingerprint
{
    public const string FormatVersion = "llmers-field-v1";

    public static string Compute(FieldKindSpec kind, string template, string? schema, string? instructions, string? description, FieldOptions options)
    {
        var text = new StringBuilder()
            .Append(FormatVersion).Append('\u001f')
            .Append(kind).Append('\u001f')
            .Append(template).Append('\u001f')
            .Append(schema).Append('\u001f')
            .Append(instructions).Append('\u001f')
            .Append(description).Append('\u001f')
            .Append(string.Join("\u001e", options.Vocabulary)).Append('\u001f')
            .Append(options.MaxWords).Append('\u001f')
            .Append(options.MinCount).Append('\u001f')
            .Append(options.MaxCount).Append('\u001f')
            .Append(options.ValueKind).Append('\u001f')
            .Append(options.Nullable).Append('\u001f')
            .Append(JsonText.Number(options.Minimum)).Append('\u001f')
            .Append(JsonText.Number(options.Maximum)).Append('\u001f')
            .Append(options.Dimensions).Append('\u001f')
            .Append(options.Source).Append('\u001f')
            .Append(options.Levels).Append('\u001f')
            .Append(options.Codes)
            // Only when declared, so that the fingerprints of fields without images stay what they were.
            .Append(options.Images is null ? "" : "\u001fimages:" + options.Images)
            .ToString();

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}

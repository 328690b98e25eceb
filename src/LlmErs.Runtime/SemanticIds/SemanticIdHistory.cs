using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// The semantic IDs a field has given out, by item key, kept beside its codebook between runs (<c>&lt;Field&gt;.ids.json</c>):
/// <c>{"field": "Sid", "ids": {"m1": "12-24-52", …}}</c>. IDs of items missing from a run stay listed, so no other item
/// ever takes them and the item gets its ID back when it returns.
/// </summary>
internal static class SemanticIdHistory
{
    public static string PathOf(string directory, string field) => Path.Combine(directory, $"{field}.ids.json");

    /// <summary>The IDs in <paramref name="path"/>, in file order; empty when there is no file.</summary>
    /// <exception cref="InvalidDataException">The file is not a history of <paramref name="field"/>.</exception>
    public static Dictionary<string, SemanticId> Read(string path, string field)
    {
        var ids = new Dictionary<string, SemanticId>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return ids;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("field").GetString() != field)
            {
                throw new FormatException($"it holds the IDs of '{root.GetProperty("field").GetString()}', not of '{field}'");
            }

            foreach (var entry in root.GetProperty("ids").EnumerateObject())
            {
                ids.Add(entry.Name, SemanticId.Parse(entry.Value.GetString()!, null));
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException(
                $"The semantic-ID history '{path}' cannot be read ({ex.Message}). Restore it, or delete it together with {field}.codebook to assign every ID anew.", ex);
        }

        return ids;
    }

    public static byte[] Serialize(string field, IEnumerable<KeyValuePair<string, SemanticId>> ids)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("field", field);
            writer.WriteStartObject("ids");
            foreach (var (key, id) in ids)
            {
                writer.WriteString(key, id.ToString());
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

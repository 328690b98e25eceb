using System.Text.Json;
using LlmErs.Recommenders;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>Writes results.md, results.json and ndcg-by-popularity.svg for the two protocols.</summary>
internal static class ResultFiles
{
    private static string Markdown(string command, AblationResult leaveOneOut, AblationResult coldItem) => $"""
        # LLM-enhanced recommenders on MovieLens (ml-latest-small)

        Reproduce with `{command}`.

        ## Leave-one-out by time

        {leaveOneOut.ToMarkdown()}
        ## Cold-item split (10% of items withheld from training)

        {coldItem.ToMarkdown()}
        """;

    /// <returns>The Markdown written to results.md.</returns>
    public static string Write(string directory, string command, AblationResult leaveOneOut, AblationResult coldItem)
    {
        Directory.CreateDirectory(directory);
        var markdown = Markdown(command, leaveOneOut, coldItem);
        File.WriteAllText(Path.Combine(directory, "results.md"), markdown);
        File.WriteAllText(Path.Combine(directory, "ndcg-by-popularity.svg"), leaveOneOut.ToSvgChart());

        using var stream = File.Create(Path.Combine(directory, "results.json"));
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("command", command);
        writer.WritePropertyName("leaveOneOut");
        leaveOneOut.WriteJson(writer);
        writer.WritePropertyName("coldItem");
        coldItem.WriteJson(writer);
        writer.WriteEndObject();
        return markdown;
    }
}

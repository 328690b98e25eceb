namespace LlmErs.Runtime.Tests.Pipeline;

/// <summary>The pipeline tests' item: two LLM fields, a vector that reads one of them, and its semantic ID.</summary>
[Enrichable]
public partial class Album
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    [LlmText("Summarize {{ title }}", MaxWords = 20)]
    public partial string? Summary { get; set; }

    [LlmValue("Is {{ title }} acoustic?")]
    public partial bool? Acoustic { get; set; }

    [Embedding("{{ title }}. {{ summary }}", Dimensions = 4)]
    public partial ReadOnlyMemory<float> Sound { get; set; }

    [SemanticId(nameof(Sound), Levels = 2, Codes = 4)]
    public partial SemanticId Sid { get; set; }

    public static List<Album> Catalog(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Album { Id = $"a{i:D2}", Title = $"Album {i}" })];
}

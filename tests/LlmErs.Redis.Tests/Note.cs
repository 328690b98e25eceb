namespace LlmErs.Redis.Tests;

/// <summary>The in-process tests' item: one LLM field; a key may be empty to test what the queue leaves out.</summary>
[Enrichable]
public partial class Note
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Text { get; init; }

    [LlmText("Summarize: {{ text }}", MaxWords = 10)]
    public partial string? Summary { get; set; }

    public static List<Note> Catalog(int count) => [.. Enumerable.Range(0, count).Select(i => new Note { Id = $"note-{i}", Text = $"Note number {i}" })];
}

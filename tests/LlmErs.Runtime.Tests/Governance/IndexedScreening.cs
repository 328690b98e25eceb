namespace LlmErs.Runtime.Tests.Governance;

/// <summary>A <see cref="Screening"/> whose text embedding reads the blurb: what a quarantined blurb must never reach.</summary>
[Enrichable]
public partial class IndexedScreening
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Synopsis { get; init; } = "";

    [LlmText("Describe {{ title }}. Synopsis: {{ synopsis }}", MaxWords = 30, BlockedWords = ["bad"])]
    public partial string? Blurb { get; set; }

    [Embedding("{{ title }}: {{ blurb }}", Dimensions = 4)]
    public partial ReadOnlyMemory<float> Text { get; set; }
}

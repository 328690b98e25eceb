namespace LlmErs.Runtime.Tests.Governance;

/// <summary>The governance tests' item: a free-text field with word rules, read from the title and a synopsis.</summary>
[Enrichable]
public partial class Screening
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Synopsis { get; init; } = "";

    [LlmText("Describe {{ title }}. Synopsis: {{ synopsis }}", MaxWords = 30, BlockedWords = ["bad", "very poor", "坏"], AllowedWords = ["bad boys"])]
    public partial string? Blurb { get; set; }
}

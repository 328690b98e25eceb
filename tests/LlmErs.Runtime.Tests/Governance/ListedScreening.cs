namespace LlmErs.Runtime.Tests.Governance;

/// <summary>A <see cref="Screening"/> whose word rules come from lists registered at run time.</summary>
[Enrichable]
public partial class ListedScreening
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Synopsis { get; init; } = "";

    [LlmText("Describe {{ title }}. Synopsis: {{ synopsis }}", MaxWords = 30, BlockedWords = ["dull"], BlockedWordLists = ["profanity"], AllowedWordLists = ["titles"])]
    public partial string? Blurb { get; set; }
}

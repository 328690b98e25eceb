namespace LlmErs.Runtime.Tests.Hygiene;

/// <summary>An item whose prompt has instructions, two scalar inputs and one input per feature in a loop.</summary>
[Enrichable]
public partial class Listing
{
    /// <summary>The Summary template's own text: what must reach the model unchanged and outside every data block.</summary>
    public const string Instructions = "Summarize the listing below in one sentence.";

    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    [LlmText(Instructions + "\nTitle: {{ title }}\nDescription: {{ description }}\n{{ for f in features }}- {{ f }}\n{{ end }}", MaxWords = 30)]
    public partial string? Summary { get; set; }

    [LlmValue("Is {{ title }} furnished?")]
    public partial bool? Furnished { get; set; }
}

using LlmErs;

namespace LlmErs.Recommenders.Tests.Features;

/// <summary>An enrichable test item with one field of each encodable kind, generated at build time.</summary>
[Enrichable]
public partial class Listing
{
    [ItemKey]
    public required string Id { get; init; }

    public string Title { get; init; } = "";

    [LlmText("Describe {{ title }}", MaxWords = 10)]
    public partial string? Blurb { get; set; }

    [LlmTags("Rooms of {{ title }}", Vocabulary = ["kitchen", "garden", "office"], Max = 2)]
    public partial IReadOnlyList<string> Rooms { get; set; }

    [LlmNormalize("Style of {{ title }}", Vocabulary = ["Modern", "Rustic"])]
    public partial string? Style { get; set; }

    [LlmValue("Condition of {{ title }}")]
    public partial Condition Condition { get; set; }

    [LlmValue("Pets allowed in {{ title }}?")]
    public partial bool? PetsAllowed { get; set; }

    [LlmValue("Bedrooms of {{ title }}", Minimum = 0)]
    public partial int? Bedrooms { get; set; }

    [LlmValue("Score of {{ title }}", Minimum = 0, Maximum = 1)]
    public partial double Score { get; set; }

    [Embedding("{{ title }}", Dimensions = 3)]
    public partial ReadOnlyMemory<float> Text { get; set; }
}

/// <summary>The condition of a <see cref="Listing"/>.</summary>
public enum Condition
{
    /// <summary>Needs work.</summary>
    Worn,
    /// <summary>As new.</summary>
    New,
}

namespace LlmErs.Generators.Tests.Consumer;

/// <summary>A consumer type with one LLM field of every answer kind, generated at build time.</summary>
[Enrichable]
public partial class Gadget
{
    [ItemKey]
    public required string Id { get; init; }

    public string Name { get; init; } = "";

    [LlmText("Describe {{ name }}", MaxWords = 12)]
    public partial string? Blurb { get; set; }

    [LlmTags("Uses of {{ name }}", Vocabulary = ["kitchen", "garden", "office"], Min = 1, Max = 2)]
    public partial IReadOnlyList<string> Uses { get; set; }

    [LlmNormalize("Maker country of {{ name }}", Vocabulary = ["Japan", "Germany"])]
    public partial string? Country { get; set; }

    [LlmValue("Size of {{ name }}")]
    public partial GadgetSize Size { get; set; }

    [LlmValue("Is {{ name }} waterproof?")]
    public partial bool? Waterproof { get; set; }

    [LlmValue("Warranty years of {{ name }}", Minimum = 0, Maximum = 10)]
    public partial int? WarrantyYears { get; set; }

    [LlmValue("Weight in kg of {{ name }}", Minimum = 0.5)]
    public partial double Weight { get; set; }

    [LlmValue("Model number of {{ name }}")]
    public partial string? ModelNumber { get; set; }
}

/// <summary>The size of a <see cref="Gadget"/>.</summary>
public enum GadgetSize
{
    /// <summary>Pocket-sized.</summary>
    Small,
    /// <summary>Desk-sized.</summary>
    Large,
}

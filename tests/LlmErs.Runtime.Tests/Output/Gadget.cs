namespace LlmErs.Runtime.Tests.Output;

/// <summary>An item with a feature column of every type: key, string, tags, boolean, integer, double, enum, vector, semantic ID.</summary>
[Enrichable]
public partial class Gadget
{
    [ItemKey]
    public required int Id { get; init; }

    public required string Name { get; init; }

    [LlmText("Describe {{ name }}.")]
    public partial string? Description { get; set; }

    [LlmTags("Tags of {{ name }}?", Vocabulary = ["small", "red", "new"])]
    public partial IReadOnlyList<string> Tags { get; set; }

    [LlmValue("Is {{ name }} portable?")]
    public partial bool Portable { get; set; }

    [LlmValue("Price of {{ name }}?", Minimum = 0)]
    public partial long? Price { get; set; }

    [LlmValue("Rating of {{ name }}?")]
    public partial double Rating { get; set; }

    [LlmValue("Size of {{ name }}?")]
    public partial GadgetSize? Size { get; set; }

    [Embedding("{{ name }} {{ description }}", Dimensions = 3)]
    public partial ReadOnlyMemory<float> Vector { get; set; }

    [SemanticId(nameof(Vector), Levels = 2, Codes = 8)]
    public partial SemanticId Sid { get; set; }

    public static List<Gadget> Samples() =>
    [
        new Gadget
        {
            Id = 1, Name = "Lamp", Description = "A lamp, \"bright\" ☀", Tags = ["small", "red"], Portable = true, Price = 25,
            Rating = 4.5, Size = GadgetSize.Small, Vector = new[] { 0.25f, -1f, 3.5f }, Sid = new SemanticId([3, 7]),
        },
        new Gadget { Id = 2, Name = "Crate", Description = null, Tags = [], Portable = false, Price = null, Rating = -0.125, Size = null },
    ];
}

public enum GadgetSize
{
    Small,
    Large,
}

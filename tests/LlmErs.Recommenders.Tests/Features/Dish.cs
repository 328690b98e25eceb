namespace LlmErs.Recommenders.Tests.Features;

/// <summary>An item with a triples field, for the entity block.</summary>
[Enrichable]
public partial class Dish
{
    [ItemKey]
    public required string Id { get; init; }

    [LlmTriples("Facts about {{ id }}")]
    [LlmRelation("has_cuisine", Entities = ["Italian", "Thai"])]
    [LlmRelation("suits_diet", Entities = ["vegan", "keto", "Italian"])]
    public partial IReadOnlyList<KgTriple> Facts { get; set; }
}

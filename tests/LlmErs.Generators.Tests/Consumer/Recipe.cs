namespace LlmErs.Generators.Tests.Consumer;

/// <summary>A consumer type with both kinds of triples field (a completion and a correction of given triples) and a relation over catalog items.</summary>
[Enrichable]
public partial class Recipe
{
    [ItemKey]
    public required string Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>Triples from an older source, to be checked.</summary>
    public IReadOnlyList<KgTriple> Known { get; init; } = [];

    [LlmTriples("Facts about {{ name }}", Max = 3)]
    [LlmRelation("has_cuisine", Entities = ["Italian", "Japanese"])]
    [LlmRelation("suits_diet", Entities = ["vegan", "gluten-free"])]
    public partial IReadOnlyList<KgTriple> Facts { get; set; }

    [LlmTriples("Check the facts about {{ name }}:{{ for t in known }} ({{ t.relation }}, {{ t.tail }}){{ end }}", Given = nameof(Known))]
    [LlmRelation("has_cuisine", Entities = ["Italian", "Japanese"])]
    [LlmRelation("suits_diet", Entities = ["vegan", "gluten-free"])]
    public partial IReadOnlyList<KgTriple> Checked { get; set; }

    /// <summary>Triples whose tails are other recipes of the catalog, beside a vocabulary relation.</summary>
    [LlmTriples("Which recipes of the catalog go with {{ name }}?", Max = 3)]
    [LlmRelation("pairs_with", CatalogItems = true)]
    [LlmRelation("has_cuisine", Entities = ["Italian", "Japanese"])]
    public partial IReadOnlyList<KgTriple> Pairings { get; set; }
}

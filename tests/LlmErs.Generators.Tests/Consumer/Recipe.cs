namespace LlmErs.Generators.Tests.Consumer;

/// <summary>A consumer type with both kinds of triples field: a completion and a correction of given triples.</summary>
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
}

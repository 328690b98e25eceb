namespace LlmErs.Runtime.Tests.Pipeline;

/// <summary>The catalog-relation tests' item: triples whose tails are other tunes of the catalog, completed and checked.</summary>
[Enrichable]
public partial class Tune
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<KgTriple> Known { get; init; } = [];

    [LlmTriples("Which tunes of the catalog does {{ title }} cover?", Max = 2)]
    [LlmRelation("cover_of", CatalogItems = true)]
    [LlmRelation("has_genre", Entities = ["jazz", "folk"])]
    public partial IReadOnlyList<KgTriple> Covers { get; set; }

    [LlmTriples("Check the covers of {{ title }}:{{ for t in known }} ({{ t.relation }}, {{ t.tail }}){{ end }}", Given = nameof(Known))]
    [LlmRelation("cover_of", CatalogItems = true)]
    public partial IReadOnlyList<KgTriple> Checked { get; set; }
}

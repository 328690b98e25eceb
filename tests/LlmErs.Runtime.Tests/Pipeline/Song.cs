namespace LlmErs.Runtime.Tests.Pipeline;

/// <summary>The triples tests' item: a completion of new triples and a correction of the triples it arrives with.</summary>
[Enrichable]
public partial class Song
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<KgTriple> Known { get; init; } = [];

    [LlmTriples("Facts about {{ title }}")]
    [LlmRelation("has_genre", Entities = ["jazz", "folk", "hip hop"])]
    [LlmRelation("sung_in", Entities = ["English", "French"])]
    public partial IReadOnlyList<KgTriple> Facts { get; set; }

    [LlmTriples("Check the facts about {{ title }}:{{ for t in known }} ({{ t.relation }}, {{ t.tail }}){{ end }}", Given = nameof(Known))]
    [LlmRelation("has_genre", Entities = ["jazz", "folk", "hip hop"])]
    [LlmRelation("sung_in", Entities = ["English", "French"])]
    public partial IReadOnlyList<KgTriple> Checked { get; set; }
}

namespace LlmErs;

/// <summary>
/// Knowledge-graph triples about the item: the head is the item itself, each relation one of the property's
/// <see cref="LlmRelationAttribute"/>s, each tail normalized to that relation's entity vocabulary (matched as
/// <see cref="LlmNormalizeAttribute"/> matches: trimmed, case-insensitively, stored in the vocabulary's spelling; a tail
/// outside it, or a relation not declared, is re-asked with the allowed values; a relation over the catalog's items,
/// <see cref="LlmRelationAttribute.CatalogItems"/>, takes an item's key instead). Applies to a
/// <c>partial IReadOnlyList&lt;KgTriple&gt;</c> property, e.g.
/// <code>
/// [LlmTriples("Facts about {{ title }}: {{ overview }}", Max = 6)]
/// [LlmRelation("has_theme", Entities = ["friendship", "revenge", "survival"])]
/// [LlmRelation("set_in", Entities = ["space", "sea", "city"])]
/// public partial IReadOnlyList&lt;KgTriple&gt; Facts { get; set; }
/// </code>
/// Without <see cref="Given"/> the model completes the graph (every triple <see cref="TripleStatus.Added"/>); with it,
/// the model checks the triples the item already holds: it keeps, fixes or drops each one, with a reason.
/// </summary>
public sealed class LlmTriplesAttribute(string template) : LlmFieldAttribute(template)
{
    /// <summary>Most triples a completion answer may hold; 0 means one per relation and entity. Default 0.</summary>
    public int Max { get; set; }

    /// <summary>
    /// The member that holds the triples to check (<c>nameof</c> of an <c>IReadOnlyList&lt;KgTriple&gt;</c> property or
    /// field of the same type); setting it makes the field a correction. The answer then has one verdict per given
    /// triple, in order.
    /// </summary>
    public string? Given { get; set; }
}

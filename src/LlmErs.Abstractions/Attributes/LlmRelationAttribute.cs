namespace LlmErs;

/// <summary>
/// One relation of an <see cref="LlmTriplesAttribute"/> field and the entities its tails are normalized to; put one per
/// relation on the same property. The tails are either a declared vocabulary (<see cref="Entities"/>) or the catalog's own
/// items (<see cref="CatalogItems"/>), e.g.
/// <code>
/// [LlmRelation("has_theme", Entities = ["friendship", "revenge"])]
/// [LlmRelation("similar_to", CatalogItems = true)]
/// </code>
/// </summary>
/// <param name="name">The relation's name as the model and the triples file see it, e.g. <c>"has_theme"</c>.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class LlmRelationAttribute(string name) : Attribute
{
    /// <summary>The relation's name.</summary>
    public string Name { get; } = name;

    /// <summary>The canonical tails of this relation: non-empty, without duplicates, unless <see cref="CatalogItems"/> is set.</summary>
    public string[] Entities { get; set; } = [];

    /// <summary>
    /// Whether the tails are other items of the catalog being enriched (a movie's <c>sequel_of</c> another movie) rather
    /// than <see cref="Entities"/>. The model names an item by its key or its name in the run's <see cref="ItemCatalog{T}"/>;
    /// the tail is normalized to the item's key (an answer naming no item, or the item itself, is re-asked), and the triples
    /// file records that key. The field then needs a <see cref="LlmTriplesAttribute.Max"/>. Default <see langword="false"/>.
    /// </summary>
    public bool CatalogItems { get; set; }
}

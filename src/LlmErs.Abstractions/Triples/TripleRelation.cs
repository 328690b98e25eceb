namespace LlmErs;

/// <summary>
/// A relation of a triples field and the canonical tails it allows (<see cref="AnswerConstraints.Relations"/>): a declared
/// vocabulary, or the items of the catalog (<see cref="LlmRelationAttribute.CatalogItems"/>), which a run binds with
/// <see cref="WithCatalog"/>.
/// </summary>
public sealed class TripleRelation
{
    /// <summary>Creates a relation over a vocabulary; the entity list is copied.</summary>
    /// <exception cref="ArgumentException">The name is blank or there are no entities.</exception>
    public TripleRelation(string name, IReadOnlyList<string> entities)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            throw new ArgumentException($"Relation '{name}' needs at least one entity.", nameof(entities));
        }

        Name = name;
        Entities = Array.AsReadOnly([.. entities]);
        Names = Entities;
    }

    private TripleRelation(string name, CatalogEntities? items)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        IsCatalog = true;
        Items = items;
        Entities = items?.Keys ?? [];
        Names = items?.Names ?? [];
    }

    /// <summary>The relation's name.</summary>
    public string Name { get; }

    /// <summary>
    /// The allowed tails, in declared order: the vocabulary, or the catalog's keys once bound (empty before).
    /// </summary>
    public IReadOnlyList<string> Entities { get; }

    /// <summary>What each of <see cref="Entities"/> is called, at the same position: the vocabulary itself, or the catalog items' names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether the tails are the catalog's items (<see cref="LlmRelationAttribute.CatalogItems"/>).</summary>
    public bool IsCatalog { get; }

    /// <summary>The catalog a catalog relation is bound to; <see langword="null"/> for a vocabulary, or before a run binds it.</summary>
    public CatalogEntities? Items { get; }

    /// <summary>A relation whose tails are the catalog's items, unbound until a run gives it the catalog.</summary>
    public static TripleRelation Catalog(string name) => new(name, (CatalogEntities?)null);

    /// <summary>This catalog relation bound to <paramref name="items"/>; a vocabulary relation is returned as it is.</summary>
    public TripleRelation WithCatalog(CatalogEntities items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return IsCatalog ? new TripleRelation(Name, items) : this;
    }
}

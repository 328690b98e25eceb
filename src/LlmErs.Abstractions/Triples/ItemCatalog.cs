using System.Collections;

namespace LlmErs;

/// <summary>Creates <see cref="ItemCatalog{T}"/>s.</summary>
public static class ItemCatalog
{
    /// <summary>
    /// The items as a catalog whose items are named by <paramref name="name"/> (e.g. <c>m =&gt; m.Title</c>) and keyed by
    /// their <see cref="ItemKeyAttribute"/>. Null items and items whose key is blank or repeats stay in the list (the run
    /// rejects them, as ever) but are no catalog entity.
    /// </summary>
    public static ItemCatalog<T> Of<T>(IEnumerable<T> items, Func<T, string?> name)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(name);
        var list = items as IReadOnlyList<T> ?? [.. items];
        var model = T.EnrichmentModel;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entities = new List<(string, string?)>(list.Count);
        foreach (var item in list)
        {
            var key = item is null ? null : model.KeyOf(item)?.Trim();
            if (!string.IsNullOrEmpty(key) && seen.Add(key))
            {
                entities.Add((key, name(item!)));
            }
        }

        return new ItemCatalog<T>(list, new CatalogEntities(entities));
    }
}

/// <summary>
/// Items to enrich that are also the catalog their triples may point into (<see cref="LlmRelationAttribute.CatalogItems"/>):
/// a list of the items with their <see cref="Entities"/>. Pass it where items go (<c>EnrichmentEngine.RunAsync</c>,
/// <c>OfflinePipeline.RunAsync</c>) and the run offers its items as the tails of such relations.
/// </summary>
public sealed class ItemCatalog<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T> _items;

    internal ItemCatalog(IReadOnlyList<T> items, CatalogEntities entities)
    {
        _items = items;
        Entities = entities;
    }

    /// <summary>The items' keys and names, as tails.</summary>
    public CatalogEntities Entities { get; }

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

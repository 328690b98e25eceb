namespace LlmErs.Redis;

/// <summary>
/// The items of a catalog by key, as a run would enrich them: the first item of each key, none whose key is empty or
/// cannot be read. Every worker and the coordinator index the catalog this way, so they agree on what a key names.
/// </summary>
internal static class CatalogKeys
{
    public static Dictionary<string, TItem> Read<TItem>(IEnumerable<TItem> catalog, out int skipped)
        where TItem : IEnrichable<TItem>
    {
        var model = TItem.EnrichmentModel;
        var items = new Dictionary<string, TItem>(StringComparer.Ordinal);
        skipped = 0;
        foreach (var item in catalog)
        {
            if (KeyOf(model, item) is not { } key || !items.TryAdd(key, item))
            {
                skipped++;
            }
        }

        return items;
    }

    private static string? KeyOf<TItem>(EnrichmentModel<TItem> model, TItem item)
    {
        if (item is null)
        {
            return null;
        }

        try
        {
            var key = model.KeyOf(item);
            return string.IsNullOrWhiteSpace(key) ? null : key;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The pipeline reports the unreadable key with the item; the queue only leaves the item out.
            return null;
        }
    }
}

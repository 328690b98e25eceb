namespace LlmErs.Recommenders;

/// <summary>
/// Lines a catalog up with an interaction log, so that feature blocks have exactly one row per item of the log (the
/// ablation's and models' requirement), and says how many interactions concern items the catalog lacks — never a crash,
/// never a silent mismatch.
/// </summary>
/// <example>
/// <code>
/// var aligned = CatalogAlignment.Align(log, catalog, MissingItemPolicy.KeepWithEmptyFeatures);
/// Console.WriteLine(aligned);                      // 12 of 480 items (31 of 9,000 interactions) are not in the catalog: kept …
/// var split = new TemporalSplitter().Split(aligned.Log);
/// using var slots = FieldFeatures.Answers(aligned.Items, fields);   // one row per split item, zeros for missing ones
/// </code>
/// </example>
public static class CatalogAlignment
{
    /// <summary>
    /// Aligns <paramref name="catalog"/> with <paramref name="log"/>'s item ids by each item's <see cref="ItemKeyAttribute"/>
    /// key. Catalog items the log never mentions are left out (counted in <see cref="CatalogAlignment{T}.UnusedCatalogItems"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Two catalog items share a key (de-duplicate with the catalog loader first).</exception>
    public static CatalogAlignment<T> Align<T>(InteractionLog log, IEnumerable<T> catalog, MissingItemPolicy policy)
        where T : class, IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(catalog);
        var model = T.EnrichmentModel;
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in catalog)
        {
            var key = model.KeyOf(item);
            if (!byKey.TryAdd(key, item))
            {
                throw new ArgumentException($"The catalog holds the key '{key}' twice; load it with CatalogLoader, which keeps one item per key and reports duplicates.", nameof(catalog));
            }
        }

        var missing = new bool[log.ItemCount];
        var missingIds = new List<string>();
        for (var i = 0; i < log.ItemCount; i++)
        {
            if (!byKey.ContainsKey(log.ItemIds[i]))
            {
                missing[i] = true;
                missingIds.Add(log.ItemIds[i]);
            }
        }

        var missingInteractions = 0;
        var kept = new List<int>(log.Count);
        var items = log.Items;
        for (var row = 0; row < log.Count; row++)
        {
            if (missing[items[row]])
            {
                missingInteractions++;
            }
            else
            {
                kept.Add(row);
            }
        }

        var aligned = policy == MissingItemPolicy.Drop && missingIds.Count > 0 ? InteractionLogOperations.Compact(log, [.. kept]) : log;
        T?[] rows = [.. aligned.ItemIds.Keys.Select(id => byKey.GetValueOrDefault(id))];
        var used = rows.Count(row => row is not null);
        return new CatalogAlignment<T>(aligned, rows, missingIds, missingInteractions, byKey.Count - used, policy);
    }
}

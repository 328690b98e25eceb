using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace LlmErs;

/// <summary>
/// Collects a catalog's rows by key and resolves repeated keys by the declared <see cref="DuplicateKeyPolicy"/>. Merging
/// works on the rows' JSON objects before the item is built (first non-null value per member), which needs neither
/// reflection nor a generated member and applies to <c>init</c>-only and <c>required</c> members alike.
/// </summary>
internal sealed class CatalogDeduplicator<T>(JsonTypeInfo<T> typeInfo, DuplicateKeyPolicy policy)
{
    private readonly Dictionary<string, List<(int Line, JsonObject Values, T Item)>> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string key, int line, JsonObject values, T item)
    {
        if (!_rows.TryGetValue(key, out var rows))
        {
            _rows[key] = rows = [];
            _order.Add(key);
        }

        rows.Add((line, values, item));
    }

    /// <summary>One item per key, in order of first appearance, and the duplicates found.</summary>
    /// <exception cref="JsonException">A merged row does not build an item (its members come from several rows).</exception>
    public (List<T> Items, List<CatalogDuplicate> Duplicates) Resolve()
    {
        var items = new List<T>(_order.Count);
        var duplicates = new List<CatalogDuplicate>();
        foreach (var key in _order)
        {
            var rows = _rows[key];
            if (rows.Count == 1)
            {
                items.Add(rows[0].Item);
                continue;
            }

            duplicates.Add(new CatalogDuplicate(key, [.. rows.Select(row => row.Line)], Conflicts(rows)));
            items.Add(policy switch
            {
                DuplicateKeyPolicy.KeepFirst => rows[0].Item,
                DuplicateKeyPolicy.KeepLast => rows[^1].Item,
                _ => Merge(rows),
            });
        }

        return (items, duplicates);
    }

    private T Merge(List<(int Line, JsonObject Values, T Item)> rows)
    {
        var merged = new JsonObject();
        foreach (var (_, values, _) in rows)
        {
            foreach (var (name, value) in values)
            {
                if (value is not null && merged[name] is null)
                {
                    merged[name] = value.DeepClone();
                }
            }
        }

        return merged.Deserialize(typeInfo)!;
    }

    private static List<CatalogConflict> Conflicts(List<(int Line, JsonObject Values, T Item)> rows)
    {
        var conflicts = new List<CatalogConflict>();
        var members = rows.SelectMany(row => row.Values.Select(property => property.Key)).Distinct(StringComparer.Ordinal);
        foreach (var member in members)
        {
            CatalogValue[] values = [.. rows
                .Where(row => row.Values[member] is not null)
                .Select(row => new CatalogValue(row.Line, row.Values[member]!.ToJsonString()))];
            if (values.Select(value => value.Json).Distinct(StringComparer.Ordinal).Skip(1).Any())
            {
                conflicts.Add(new CatalogConflict(member, values));
            }
        }

        return conflicts;
    }
}

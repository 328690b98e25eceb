namespace LlmErs;

/// <summary>
/// The items of a catalog as tails of knowledge-graph triples (<see cref="LlmRelationAttribute.CatalogItems"/>): each item's
/// key and the name it is known by. A tail names an item by its key or by its name, trimmed and case-insensitively, as
/// <see cref="LlmNormalizeAttribute"/> matches a vocabulary; a key is matched before a name.
/// </summary>
public sealed class CatalogEntities
{
    private const int Suggestions = 5;

    private readonly Dictionary<string, int> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the entities from (key, name) pairs; an item without a name is known by its key.</summary>
    /// <exception cref="ArgumentException">A key is blank or repeats (case-insensitively).</exception>
    public CatalogEntities(IEnumerable<(string Key, string? Name)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var keys = new List<string>();
        var names = new List<string>();
        foreach (var (key, name) in items)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException($"Catalog item {keys.Count + 1} has a blank key; every item needs its unique key.", nameof(items));
            }

            var trimmed = key.Trim();
            if (!_byKey.TryAdd(trimmed, keys.Count))
            {
                throw new ArgumentException($"The catalog lists the key '{trimmed}' twice (keys match case-insensitively); keep one item per key.", nameof(items));
            }

            var known = string.IsNullOrWhiteSpace(name) ? trimmed : name.Trim();
            if (!_byName.TryGetValue(known, out var same))
            {
                _byName.Add(known, same = []);
            }

            same.Add(keys.Count);
            keys.Add(trimmed);
            names.Add(known);
        }

        Keys = keys.AsReadOnly();
        Names = names.AsReadOnly();
    }

    /// <summary>The items' keys, in catalog order.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Each item's name, at its key's position.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many items there are.</summary>
    public int Count => Keys.Count;

    /// <summary>The key of the one item <paramref name="text"/> names (its key, else its unique name); <see langword="null"/> otherwise.</summary>
    public string? KeyOf(string? text) => Find(text) is [var index] ? Keys[index] : null;

    /// <summary>The positions of the items <paramref name="text"/> names: its key's item, else every item of that name.</summary>
    internal IReadOnlyList<int> Find(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return [];
        }

        return _byKey.TryGetValue(trimmed, out var index) ? [index] : _byName.TryGetValue(trimmed, out var named) ? named : [];
    }

    /// <summary>A few items whose names contain <paramref name="text"/>, written for a re-ask: <c>"Name" (key "k")</c>.</summary>
    internal string Suggest(string text)
    {
        var trimmed = text.Trim();
        var found = trimmed.Length == 0
            ? []
            : Enumerable.Range(0, Count).Where(i => Names[i].Contains(trimmed, StringComparison.OrdinalIgnoreCase)).Take(Suggestions).ToList();
        return found.Count == 0
            ? "No item's name contains it."
            : $"Items whose names contain it: {string.Join(", ", found.Select(Describe))}.";
    }

    /// <summary>The item at <paramref name="index"/> as a re-ask names it: <c>"Name" (key "k")</c>.</summary>
    internal string Describe(int index) => $"\"{Names[index]}\" (key \"{Keys[index]}\")";
}

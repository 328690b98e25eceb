using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Knowledge-graph triples as item features: a multi-hot of tails per relation, one column per relation and entity
/// (<c>has_theme=revenge</c>), 1 where the item holds that triple. Dropped triples (a correction's verdict) count as not
/// held. Entities match the relation's vocabulary case-insensitively, as the answer reader does; a triple outside the
/// declared relations and entities has no column and is left out. A relation whose tails are catalog items
/// (<see cref="TripleRelation.IsCatalog"/>) has a column per item some item holds as its tail (<c>similar_to=1</c>), in
/// the order they first appear, rather than one per item of the catalog.
/// </summary>
/// <example>
/// <code>
/// var facts = (LlmField&lt;Movie, IReadOnlyList&lt;KgTriple&gt;&gt;)EnrichmentModel.Of&lt;Movie&gt;().Field("Facts");
/// using var entities = EntityFeatures.Triples(movies, facts);
/// FeatureBlock block = new("KG entities", entities.Values);
/// </code>
/// </example>
public static class EntityFeatures
{
    /// <summary>The block of a triples field, one row per item of <paramref name="items"/> in its order; a <see langword="null"/> item gets zeros.</summary>
    /// <exception cref="ArgumentException">The field is not a triples field (<see cref="LlmTriplesAttribute"/>).</exception>
    public static FeatureMatrix Triples<T>(IReadOnlyList<T?> items, LlmField<T, IReadOnlyList<KgTriple>> field)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(field);
        if (field.Constraints.Relations.Count == 0)
        {
            throw new ArgumentException($"{field} declares no relations; entity features need an [LlmTriples] field.", nameof(field));
        }

        return Triples([.. items.Select(item => item is null ? null : field.GetValue(item))], field.Constraints.Relations);
    }

    /// <summary>
    /// The block of triples given per item (e.g. read back from a triples file): one row per entry of
    /// <paramref name="triples"/>, one column per relation of <paramref name="relations"/> and entity, in declared order
    /// (a catalog relation's entities: the tails held, in the order they first appear).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="relations"/> is empty.</exception>
    public static FeatureMatrix Triples(IReadOnlyList<IReadOnlyList<KgTriple>?> triples, IReadOnlyList<TripleRelation> relations)
    {
        ArgumentNullException.ThrowIfNull(triples);
        ArgumentNullException.ThrowIfNull(relations);
        if (relations.Count == 0)
        {
            throw new ArgumentException("Give at least one relation to encode.", nameof(relations));
        }

        var columns = new Dictionary<(string, string), int>(TripleComparer.Instance);
        var names = new List<string>();
        foreach (var relation in relations)
        {
            foreach (var entity in relation.IsCatalog ? HeldTails(triples, relation.Name) : relation.Entities)
            {
                if (columns.TryAdd((relation.Name, entity), names.Count))
                {
                    names.Add($"{relation.Name}={entity}");
                }
            }
        }

        var values = VectorMatrix.Allocate(triples.Count, names.Count);
        for (var i = 0; i < triples.Count; i++)
        {
            var row = values.GetWritableRow(i);
            foreach (var triple in triples[i] ?? [])
            {
                if (triple.Holds && columns.TryGetValue((triple.Relation.Trim(), triple.Tail.Trim()), out var column))
                {
                    row[column] = 1f;
                }
            }
        }

        return new FeatureMatrix(values, names);
    }

    private static IEnumerable<string> HeldTails(IReadOnlyList<IReadOnlyList<KgTriple>?> triples, string relation) =>
        triples.SelectMany(t => t ?? [])
            .Where(t => t.Holds && string.Equals(t.Relation.Trim(), relation, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Tail.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private sealed class TripleComparer : IEqualityComparer<(string Relation, string Tail)>
    {
        public static readonly TripleComparer Instance = new();

        public bool Equals((string Relation, string Tail) x, (string Relation, string Tail) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Relation, y.Relation) && StringComparer.OrdinalIgnoreCase.Equals(x.Tail, y.Tail);

        public int GetHashCode((string Relation, string Tail) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Relation), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Tail));
    }
}

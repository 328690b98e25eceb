namespace LlmErs.Recommenders;

/// <summary>What <see cref="CatalogAlignment"/> does with interactions whose item is not in the catalog.</summary>
public enum MissingItemPolicy
{
    /// <summary>
    /// Remove those interactions, and the items (and users left without interactions) from the id maps: every item
    /// that remains has a catalog row.
    /// </summary>
    Drop,

    /// <summary>
    /// Keep them: the item stays in the log with no catalog entry (<see langword="null"/> in
    /// <see cref="CatalogAlignment{T}.Items"/>), and <see cref="FieldFeatures"/> gives it an all-zero feature row, so ID-based
    /// models still learn from its interactions.
    /// </summary>
    KeepWithEmptyFeatures,
}

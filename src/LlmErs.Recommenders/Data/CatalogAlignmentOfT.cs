namespace LlmErs.Recommenders;

/// <summary>A catalog lined up with an interaction log (<see cref="CatalogAlignment.Align"/>), and what did not match.</summary>
public sealed class CatalogAlignment<T>
    where T : class
{
    internal CatalogAlignment(InteractionLog log, IReadOnlyList<T?> items, IReadOnlyList<string> missingItemIds, int missingInteractions, int unusedCatalogItems, MissingItemPolicy policy)
    {
        Log = log;
        Items = items;
        MissingItemIds = missingItemIds;
        MissingInteractions = missingInteractions;
        UnusedCatalogItems = unusedCatalogItems;
        Policy = policy;
    }

    /// <summary>The log to split and train on: the original under <see cref="MissingItemPolicy.KeepWithEmptyFeatures"/>, without the missing items' interactions under <see cref="MissingItemPolicy.Drop"/>.</summary>
    public InteractionLog Log { get; }

    /// <summary>One entry per item of <see cref="Log"/>, in its item-index order; <see langword="null"/> for an item the catalog lacks.</summary>
    public IReadOnlyList<T?> Items { get; }

    /// <summary>The ids of the log's items that the catalog lacks, in the original log's item order.</summary>
    public IReadOnlyList<string> MissingItemIds { get; }

    /// <summary>The interactions with those items: dropped under <see cref="MissingItemPolicy.Drop"/>, kept otherwise.</summary>
    public int MissingInteractions { get; }

    /// <summary>Catalog items that no interaction mentions (left out of <see cref="Items"/>).</summary>
    public int UnusedCatalogItems { get; }

    /// <summary>The policy applied.</summary>
    public MissingItemPolicy Policy { get; }

    /// <summary>One line: how many items and interactions had no catalog entry and what was done.</summary>
    public override string ToString() =>
        MissingItemIds.Count == 0
            ? $"Every item of the log is in the catalog ({Items.Count:N0} items; {UnusedCatalogItems:N0} catalog items without interactions)."
            : $"{MissingItemIds.Count:N0} item(s) with {MissingInteractions:N0} interaction(s) are not in the catalog (e.g. '{MissingItemIds[0]}'): " +
              (Policy == MissingItemPolicy.Drop ? "their interactions were dropped" : "kept, with empty feature rows") +
              $"; {Items.Count:N0} items remain; {UnusedCatalogItems:N0} catalog items without interactions.";
}

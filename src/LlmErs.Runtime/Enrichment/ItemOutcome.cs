namespace LlmErs;

/// <summary>How one item was enriched: success, or failure with a reason; and each field's outcome and cost.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ItemOutcome<T>
{
    internal ItemOutcome(T item, string key, IReadOnlyList<FieldOutcome> fields, EnrichmentFailure? failure)
    {
        Item = item;
        Key = key;
        Fields = fields;
        Failure = failure;
        foreach (var field in fields)
        {
            Usage += field.Usage;
            Calls += field.Calls;
        }
    }

    /// <summary>The item, with every field that succeeded set.</summary>
    public T Item { get; }

    /// <summary>The item's key (empty when the key could not be read).</summary>
    public string Key { get; }

    /// <summary>The outcome of each LLM field, in dependency order; empty when the item was rejected before any field.</summary>
    public IReadOnlyList<FieldOutcome> Fields { get; }

    /// <summary>Why the item failed (its first failing field, or the item itself); <see langword="null"/> on success.</summary>
    public EnrichmentFailure? Failure { get; }

    /// <summary>Whether every field of the item was enriched.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Tokens of all the item's requests.</summary>
    public TokenUsage Usage { get; }

    /// <summary>Requests sent for the item, re-asks included.</summary>
    public int Calls { get; }
}

namespace LlmErs;

/// <summary>
/// Reads item keys for one pass over a source and rejects the items a run cannot enrich: a null item, a key that
/// cannot be read or is empty, or a key already seen (keys label cache entries and feature rows, so they must be unique).
/// </summary>
internal sealed class ItemKeys<T>(EnrichmentModel<T> model)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Reads the key of <paramref name="item"/>; on rejection <paramref name="failure"/> says why and what to do.</summary>
    public string Read(T item, out EnrichmentFailure? failure)
    {
        string? key;
        try
        {
            key = item is null ? null : model.KeyOf(item);
        }
        catch (Exception ex)
        {
            failure = Reject($"Reading an item's key ({model.TypeName}.{model.KeyMember}) threw {ex.GetType().Name}: {ex.Message} Fix the item's data.");
            return "";
        }

        if (item is null)
        {
            failure = Reject($"The source yielded a null {model.TypeName}; remove it from the catalog.");
        }
        else if (string.IsNullOrWhiteSpace(key))
        {
            failure = Reject($"An item has an empty key ({model.TypeName}.{model.KeyMember}); give every item a unique, stable key.");
        }
        else if (!_seen.Add(key))
        {
            failure = Reject($"Item '{key}' appears more than once; keys must be unique, so only its first occurrence is enriched.");
        }
        else
        {
            failure = null;
        }

        return key ?? "";
    }

    private static EnrichmentFailure Reject(string message) => new(FailureReason.BadInput, null, message);
}

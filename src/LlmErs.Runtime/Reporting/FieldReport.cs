
namespace LlmErs;

/// <summary>One LLM field's totals in a run report.</summary>
public sealed class FieldReport
{
    /// <summary>The field (property) name.</summary>
    public required string Field { get; init; }

    /// <summary>The model of the field's requests.</summary>
    public required string ModelId { get; init; }

    /// <summary>Items whose answer came from the model.</summary>
    public int Generated { get; init; }

    /// <summary>Items whose answer came from the cache.</summary>
    public int Cached { get; init; }

    /// <summary>Items for which the field failed.</summary>
    public int Failed { get; init; }

    /// <summary>Items for which the field was skipped because a field it depends on failed.</summary>
    public int Skipped { get; init; }

    /// <summary>Requests sent, re-asks included.</summary>
    public long LlmCalls { get; init; }

    /// <summary>Requests that re-asked after an invalid answer.</summary>
    public long Reasks { get; init; }

    /// <summary>Transport-level retries.</summary>
    public long Retries { get; init; }

    /// <summary>Tokens consumed.</summary>
    public TokenUsage Tokens { get; init; }

    /// <summary>Cost of the tokens, or <see langword="null"/> when the model has no price.</summary>
    public decimal? Cost { get; init; }

    /// <summary>Prompts cut to the field's token budget.</summary>
    public int TruncatedPrompts { get; init; }

    /// <summary>Corrupt or no longer valid cache entries that were found and recomputed.</summary>
    public int RecomputedCacheEntries { get; init; }
}

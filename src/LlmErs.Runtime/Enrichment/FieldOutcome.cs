namespace LlmErs;

/// <summary>How one field of one item was enriched, and what it cost.</summary>
public sealed class FieldOutcome
{
    /// <summary>The field (property) name.</summary>
    public required string Field { get; init; }

    /// <summary>The model the field's requests go to.</summary>
    public required string ModelId { get; init; }

    /// <summary>How the field ended.</summary>
    public required FieldStatus Status { get; init; }

    /// <summary>Requests sent to the model, re-asks included and transport retries not.</summary>
    public int Calls { get; init; }

    /// <summary>Requests that re-asked after an invalid answer.</summary>
    public int Reasks { get; init; }

    /// <summary>Transport-level retries (timeouts, 429, 5xx, open circuit) across all requests.</summary>
    public int Retries { get; init; }

    /// <summary>Tokens of every request, re-asks included.</summary>
    public TokenUsage Usage { get; init; }

    /// <summary>Whether an input of the prompt was cut to its token budget, or the whole prompt to its guard.</summary>
    public bool Truncated { get; init; }

    /// <summary>The inputs (template expressions, as written, such as <c>description</c>) cut to their token budget; empty when none was.</summary>
    public IReadOnlyList<string> TruncatedInputs { get; init; } = [];

    /// <summary>Whether a corrupt or no longer valid cache entry was found and recomputed.</summary>
    public bool RecomputedCorruptEntry { get; init; }

    /// <summary>Why the field failed; <see langword="null"/> unless <see cref="Status"/> is <see cref="FieldStatus.Failed"/>.</summary>
    public EnrichmentFailure? Failure { get; init; }
}

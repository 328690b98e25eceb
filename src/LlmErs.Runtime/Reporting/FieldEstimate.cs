
namespace LlmErs;

/// <summary>One LLM field's share of a dry-run estimate.</summary>
public sealed class FieldEstimate
{
    /// <summary>The field (property) name.</summary>
    public required string Field { get; init; }

    /// <summary>The model of the field's requests.</summary>
    public required string ModelId { get; init; }

    /// <summary>Answers a run would ask the model for (first attempts; re-asks and retries come on top), repeats included.</summary>
    public int Requests { get; init; }

    /// <summary>The distinct prompts among <see cref="Requests"/> (by cache key): the requests a run sends.</summary>
    public int DistinctPrompts { get; init; }

    /// <summary>Answers already in the cache, which a run would not pay for.</summary>
    public int CachedAnswers { get; init; }

    /// <summary>Estimated tokens of the distinct prompts: prompts counted exactly (o200k), answers at their schema's upper bound.</summary>
    public TokenUsage Tokens { get; init; }

    /// <summary>Estimated cost, or <see langword="null"/> when the model has no price.</summary>
    public decimal? Cost { get; init; }

    /// <summary>Prompts that would be cut to the field's token budget.</summary>
    public int TruncatedPrompts { get; init; }
}

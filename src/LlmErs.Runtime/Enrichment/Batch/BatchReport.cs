namespace LlmErs;

/// <summary>What the batch mode of a run did, in <see cref="EnrichmentReport.Batch"/>; the live requests that followed are in the rest of the report.</summary>
public sealed class BatchReport
{
    /// <summary>The ids of the batches used, in submission order.</summary>
    public required IReadOnlyList<string> BatchIds { get; init; }

    /// <summary>Requests sent in batches (identical prompts are sent once).</summary>
    public required int Requests { get; init; }

    /// <summary>Answers that passed validation and were cached.</summary>
    public required int Valid { get; init; }

    /// <summary>Answers that failed validation (or were refused): asked live, where the engine re-asks them.</summary>
    public required int Invalid { get; init; }

    /// <summary>Requests the batches did not answer (errors, expiry, cancellation): asked live.</summary>
    public required int Unanswered { get; init; }

    /// <summary>Tokens the batches consumed.</summary>
    public required TokenUsage Tokens { get; init; }

    /// <summary>The batch tokens' cost: the models' prices times <see cref="BatchEnrichmentOptions.PriceFactor"/>.</summary>
    public required decimal Cost { get; init; }
}

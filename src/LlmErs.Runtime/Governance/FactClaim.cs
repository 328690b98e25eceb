namespace LlmErs;

/// <summary>
/// One generated text to judge, as an item of its own, so the judge's requests go through the enrichment engine like any
/// field's: cached (by source and text), retried, rate-limited, validated and re-asked.
/// </summary>
internal sealed class FactClaim : IEnrichable<FactClaim>
{
    public required string Key { get; init; }

    /// <summary>The item's source text: the prompt the generated text answered.</summary>
    public required string Source { get; init; }

    public required string Text { get; init; }

    public FactVerdict? Verdict { get; set; }

    public static EnrichmentModel<FactClaim> EnrichmentModel { get; } =
        new(nameof(FactClaim), nameof(Key), c => c.Key, [new FactVerdictField()], [], static (_, _) => { });
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// What a run did and cost: items, failures by reason, LLM calls, cache hits, tokens, cost and wall time, per run and
/// per field, with every failed item. <see cref="ToJson"/> gives the machine-readable form, <see cref="ToString"/> a
/// readable summary.
/// </summary>
public sealed class EnrichmentReport
{
    /// <summary>The enriched type's name.</summary>
    public required string ItemType { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long the run took.</summary>
    public required TimeSpan WallTime { get; init; }

    /// <summary>
    /// Why the run stopped before every item was read, or null when it went through them all. A stopped run's
    /// <see cref="Items"/> are those done before the stop.
    /// </summary>
    public EnrichmentStop? Stopped { get; init; }

    /// <summary>Items read from the source and done.</summary>
    public required int Items { get; init; }

    /// <summary>Items whose every LLM field was enriched.</summary>
    public required int Succeeded { get; init; }

    /// <summary>Items that failed.</summary>
    public required int Failed { get; init; }

    /// <summary>Failed items per reason; every reason is present.</summary>
    public required IReadOnlyDictionary<FailureReason, int> FailuresByReason { get; init; }

    /// <summary>Requests sent to the model, re-asks included and transport retries not.</summary>
    public required long LlmCalls { get; init; }

    /// <summary>Requests that re-asked after an invalid answer.</summary>
    public required long Reasks { get; init; }

    /// <summary>Transport-level retries (timeouts, 429, 5xx, open circuit).</summary>
    public required long Retries { get; init; }

    /// <summary>Field answers taken from the cache.</summary>
    public required long CacheHits { get; init; }

    /// <summary>Corrupt or no longer valid cache entries that were found and recomputed.</summary>
    public required long RecomputedCacheEntries { get; init; }

    /// <summary>Prompts cut to their field's token budget.</summary>
    public required long TruncatedPrompts { get; init; }

    /// <summary>Tokens consumed.</summary>
    public required TokenUsage Tokens { get; init; }

    /// <summary>Cost of the tokens of the models with a price.</summary>
    public required decimal Cost { get; init; }

    /// <summary>Models that were used but have no price, so are left out of <see cref="Cost"/>.</summary>
    public required IReadOnlyList<string> UnpricedModels { get; init; }

    /// <summary>Totals per LLM field, in dependency order.</summary>
    public required IReadOnlyList<FieldReport> Fields { get; init; }

    /// <summary>Every failed item, in input order.</summary>
    public required IReadOnlyList<ItemFailure> Failures { get; init; }

    /// <summary>In batch mode, what the batches did (their answers count here as cache hits); otherwise <see langword="null"/>.</summary>
    public BatchReport? Batch { get; init; }

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJsonContext.Default.EnrichmentReport);

    /// <summary>Writes the report as JSON to <paramref name="path"/>, atomically.</summary>
    public Task WriteJsonAsync(string path, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(this, ReportJsonContext.Default.EnrichmentReport), cancellationToken);

    /// <summary>How many failures a readable summary lists; the JSON report has them all.</summary>
    internal const int ShownFailures = 10;

    /// <summary>A readable summary: totals, failures by reason, a per-field table and the first failures.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        if (Stopped is { } stop)
        {
            builder.Append(CultureInfo.InvariantCulture, $"STOPPED ({stop.Reason}) before every item was done: {stop.Message}\n");
        }

        builder.Append(CultureInfo.InvariantCulture,
            $"Enriched {SummaryTable.Number(Items)} {ItemType} item(s) in {WallTime:hh\\:mm\\:ss\\.f}: {SummaryTable.Number(Succeeded)} succeeded, {SummaryTable.Number(Failed)} failed.\n");
        if (Failed > 0)
        {
            builder.Append("Failures: ")
                .AppendJoin(", ", FailuresByReason.Where(p => p.Value > 0).Select(p => $"{p.Key} {SummaryTable.Number(p.Value)}"))
                .Append(".\n");
        }

        builder.Append(CultureInfo.InvariantCulture,
            $"LLM calls: {SummaryTable.Number(LlmCalls)} (re-asks {SummaryTable.Number(Reasks)}, retries {SummaryTable.Number(Retries)}); cache hits: {SummaryTable.Number(CacheHits)}; truncated prompts: {SummaryTable.Number(TruncatedPrompts)}; recomputed cache entries: {SummaryTable.Number(RecomputedCacheEntries)}.\n");
        builder.Append(CultureInfo.InvariantCulture,
            $"Tokens: {SummaryTable.Number(Tokens.InputTokens)} in, {SummaryTable.Number(Tokens.OutputTokens)} out; cost {SummaryTable.Money(Cost)}");
        builder.Append(UnpricedModels.Count > 0 ? $" (no price for {string.Join(", ", UnpricedModels)})" : "").Append(".\n");
        if (Batch is { } batch)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"Batch: {SummaryTable.Number(batch.Requests)} request(s) in {SummaryTable.Number(batch.BatchIds.Count)} batch(es): {SummaryTable.Number(batch.Valid)} valid (counted as cache hits), {SummaryTable.Number(batch.Invalid)} invalid and {SummaryTable.Number(batch.Unanswered)} unanswered (asked live); tokens {SummaryTable.Number(batch.Tokens.InputTokens)} in, {SummaryTable.Number(batch.Tokens.OutputTokens)} out; cost {SummaryTable.Money(batch.Cost)}.\n");
        }

        SummaryTable.Append(builder,
            ["Field", "Model", "Generated", "Cached", "Failed", "Skipped", "Calls", "Tokens in", "Tokens out", "Cost"],
            Fields.Select(f => (IReadOnlyList<string>)[
                f.Field, f.ModelId, SummaryTable.Number(f.Generated), SummaryTable.Number(f.Cached), SummaryTable.Number(f.Failed),
                SummaryTable.Number(f.Skipped), SummaryTable.Number(f.LlmCalls), SummaryTable.Number(f.Tokens.InputTokens),
                SummaryTable.Number(f.Tokens.OutputTokens), SummaryTable.Money(f.Cost)]));
        foreach (var failure in Failures.Take(ShownFailures))
        {
            builder.Append(CultureInfo.InvariantCulture, $"  ! {failure.Key} [{failure.Reason}] {failure.Message}\n");
        }

        if (Failures.Count > ShownFailures)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  … and {Failures.Count - ShownFailures} more failure(s); see the JSON report.\n");
        }

        return builder.ToString();
    }
}

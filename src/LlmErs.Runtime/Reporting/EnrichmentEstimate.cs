using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LlmErs;

/// <summary>
/// What a run over a catalog would send and cost, computed without calling the model: prompts are rendered and counted
/// with the o200k tokenizer, answers already cached are free, and each answer is counted at the most tokens its schema
/// allows (free text at <see cref="EnrichmentOptions.EstimatedTextAnswerTokens"/>). Fields that depend on an uncached
/// field are estimated from the item as it stands, without that field's answer.
/// </summary>
public sealed class EnrichmentEstimate
{
    /// <summary>The enriched type's name.</summary>
    public required string ItemType { get; init; }

    /// <summary>Items read from the source.</summary>
    public required int Items { get; init; }

    /// <summary>Answers a run would ask the model for (first attempts), a prompt repeated by several items counted each time.</summary>
    public required long Requests { get; init; }

    /// <summary>
    /// The distinct prompts among <see cref="Requests"/>, by the cache key a run uses: a run sends each once and answers
    /// its repeats from the cache, so this is the calls it makes (first attempts; re-asks and retries come on top). Tokens
    /// and cost count these only. Repeats in flight at the same moment may each be sent.
    /// </summary>
    public required long DistinctPrompts { get; init; }

    /// <summary>Answers already in the cache.</summary>
    public required long CachedAnswers { get; init; }

    /// <summary>Items whose key or prompt is unusable; a run would fail them with <see cref="FailureReason.BadInput"/>.</summary>
    public required int BadInputs { get; init; }

    /// <summary>Estimated tokens.</summary>
    public required TokenUsage Tokens { get; init; }

    /// <summary>Estimated cost over the models with a price.</summary>
    public required decimal Cost { get; init; }

    /// <summary>Models without a price, left out of <see cref="Cost"/>.</summary>
    public required IReadOnlyList<string> UnpricedModels { get; init; }

    /// <summary>The estimate per LLM field, in dependency order.</summary>
    public required IReadOnlyList<FieldEstimate> Fields { get; init; }

    /// <summary>The estimate as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJsonContext.Default.EnrichmentEstimate);

    /// <summary>A readable summary with a per-field table.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture,
            $"Dry run over {SummaryTable.Number(Items)} {ItemType} item(s): {SummaryTable.Number(Requests)} request(s) for {SummaryTable.Number(DistinctPrompts)} distinct prompt(s), {SummaryTable.Number(CachedAnswers)} cached answer(s), {SummaryTable.Number(BadInputs)} bad input(s).\n");
        builder.Append(CultureInfo.InvariantCulture,
            $"Estimated tokens: {SummaryTable.Number(Tokens.InputTokens)} in, at most {SummaryTable.Number(Tokens.OutputTokens)} out; cost {SummaryTable.Money(Cost)}");
        builder.Append(UnpricedModels.Count > 0 ? $" (no price for {string.Join(", ", UnpricedModels)})" : "").Append(".\n");
        SummaryTable.Append(builder,
            ["Field", "Model", "Requests", "Distinct", "Cached", "Tokens in", "Tokens out", "Cost", "Truncated"],
            Fields.Select(f => (IReadOnlyList<string>)[
                f.Field, f.ModelId, SummaryTable.Number(f.Requests), SummaryTable.Number(f.DistinctPrompts), SummaryTable.Number(f.CachedAnswers),
                SummaryTable.Number(f.Tokens.InputTokens), SummaryTable.Number(f.Tokens.OutputTokens), SummaryTable.Money(f.Cost),
                SummaryTable.Number(f.TruncatedPrompts)]));
        return builder.ToString();
    }
}

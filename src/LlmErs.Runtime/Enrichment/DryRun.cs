
namespace LlmErs;

/// <summary>
/// Estimates a run without calling the model: each field is prepared exactly as a run would prepare it (same prompt,
/// same cache key); cached answers are applied and cost nothing, the rest are counted with the o200k tokenizer. A prompt
/// that repeats one already counted (same cache key) is asked once by a run and answered from the cache after, so its
/// repeats add requests but neither calls nor tokens.
/// </summary>
internal sealed class DryRun<T>(EnrichmentPlan<T> plan, FieldPreparer preparer)
{
    public async Task<EnrichmentEstimate> EstimateAsync(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var fields = plan.Fields.Select(f => new FieldTally(TokenCounter.Count(f.SystemPrompt))).ToArray();
        var keys = new ItemKeys<T>(plan.Model);
        var unavailable = new bool[plan.Fields.Count];
        var asked = new HashSet<CacheKey>();
        int count = 0, badInputs = 0;
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var key = keys.Read(item, out var rejection);
            if (rejection is not null)
            {
                badInputs++;
                continue;
            }

            var bad = false;
            Array.Clear(unavailable);
            foreach (var field in plan.Fields)
            {
                if (field.LacksInput(unavailable))
                {
                    unavailable[field.Index] = true;
                    continue;
                }

                var prepared = await preparer.PrepareAsync(item, key, field, cancellationToken).ConfigureAwait(false);
                var tally = fields[field.Index];
                if (prepared.Failure is not null)
                {
                    bad = unavailable[field.Index] = true;
                }
                else if (prepared.FromCache)
                {
                    tally.Cached++;
                }
                else
                {
                    tally.Requests++;
                    tally.Truncated += prepared.Prompt.Truncated ? 1 : 0;
                    if (asked.Add(prepared.Key))
                    {
                        tally.Distinct++;
                        tally.Tokens += new TokenUsage(tally.SystemTokens + TokenCounter.Count(prepared.Prompt.Text), field.AnswerTokens);
                    }
                }
            }

            badInputs += bad ? 1 : 0;
        }

        var estimates = plan.Fields.Select(f => fields[f.Index].ToEstimate(f)).ToArray();
        var tokens = default(TokenUsage);
        foreach (var estimate in estimates)
        {
            tokens += estimate.Tokens;
        }

        return new EnrichmentEstimate
        {
            ItemType = plan.Model.TypeName,
            Items = count,
            Requests = estimates.Sum(e => (long)e.Requests),
            DistinctPrompts = estimates.Sum(e => (long)e.DistinctPrompts),
            CachedAnswers = estimates.Sum(e => (long)e.CachedAnswers),
            BadInputs = badInputs,
            Tokens = tokens,
            Cost = estimates.Sum(e => e.Cost ?? 0),
            UnpricedModels = [.. plan.Fields.Where(f => f.Price is null && fields[f.Index].Requests > 0).Select(f => f.ModelId).Distinct(StringComparer.OrdinalIgnoreCase)],
            Fields = estimates,
        };
    }

    private sealed class FieldTally(int systemTokens)
    {
        public int SystemTokens { get; } = systemTokens;

        public int Requests { get; set; }

        public int Distinct { get; set; }

        public int Cached { get; set; }

        public int Truncated { get; set; }

        public TokenUsage Tokens { get; set; }

        public FieldEstimate ToEstimate(FieldPlan<T> field) => new()
        {
            Field = field.Name,
            ModelId = field.ModelId,
            Requests = Requests,
            DistinctPrompts = Distinct,
            CachedAnswers = Cached,
            Tokens = Tokens,
            Cost = field.Price?.CostOf(Tokens),
            TruncatedPrompts = Truncated,
        };
    }
}

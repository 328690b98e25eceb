using Microsoft.Extensions.Logging;

namespace LlmErs;

/// <summary>
/// The batch mode's work before the live run: every LLM field of every item that the cache cannot answer is sent through
/// the Batch API, one round per level of the fields' dependency order (a field that reads another is asked once that one
/// is known). Each answer is validated by the field and checked for blocked words exactly as a live answer is, and cached
/// under the same key; the live run that follows takes those answers from the cache and asks the rest (invalid,
/// refused, errored, expired), with its re-asks, retries and rate limits.
/// </summary>
internal sealed partial class BatchEnricher(BatchRunner runner, FieldPreparer preparer, IEnrichmentCache cache, decimal priceFactor, ILogger logger)
{
    public async Task<BatchReport> RunAsync<T>(
        EnrichmentPlan<T> plan, IReadOnlyList<T> items, Action<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        var fields = plan.Fields.Count;
        var keys = ReadKeys(plan, items);
        var available = new bool[items.Count * fields];
        var levels = Levels(plan);
        var tally = new Tally();
        for (var level = 0; level <= levels.Max(); level++)
        {
            var round = new List<BatchRequest<T>>();
            var byId = new Dictionary<string, BatchRequest<T>>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                if (keys[i] is not { } key)
                {
                    continue;
                }

                foreach (var field in plan.Fields)
                {
                    if (levels[field.Index] != level || field.Dependencies.Any(d => !available[i * fields + d]))
                    {
                        continue;
                    }

                    var prepared = await preparer.PrepareAsync(items[i], key, field, cancellationToken).ConfigureAwait(false);
                    if (prepared.Failure is not null)
                    {
                        continue;
                    }

                    if (prepared.FromCache)
                    {
                        available[i * fields + field.Index] = true;
                        continue;
                    }

                    // A batch line carries text only: a field with images is left to the live run, which sends them.
                    if (prepared.Images is { Count: > 0 })
                    {
                        continue;
                    }

                    // The cache key names the question; identical prompts share one request and its answer.
                    var customId = $"{field.Name}-{prepared.Key}";
                    if (!byId.TryGetValue(customId, out var request))
                    {
                        request = new BatchRequest<T>(customId, field, prepared.Key, BatchRequestBody.Create(field, prepared.Prompt.Text));
                        byId.Add(customId, request);
                        round.Add(request);
                    }

                    request.Items.Add(i);
                }
            }

            if (round.Count == 0)
            {
                continue;
            }

            var result = await runner.RunAsync(
                [.. round.Select(r => new BatchRequestLine(r.CustomId, "POST", BatchApiClient.ChatCompletionsUrl, r.Body))], progress, cancellationToken)
                .ConfigureAwait(false);
            var before = tally.Snapshot();
            foreach (var request in round)
            {
                await ApplyAsync(request, result.Answers.GetValueOrDefault(request.CustomId), items, keys, available, fields, tally, cancellationToken)
                    .ConfigureAwait(false);
            }

            await runner.ForgetAsync(result.BatchIds, cancellationToken).ConfigureAwait(false);
            tally.BatchIds.AddRange(result.BatchIds);
            LogRound(logger, level, round.Count, result.BatchIds.Count, tally.Valid - before.Valid, tally.Invalid - before.Invalid, tally.Unanswered - before.Unanswered);
        }

        return new BatchReport
        {
            BatchIds = [.. tally.BatchIds],
            Requests = tally.Valid + tally.Invalid + tally.Unanswered,
            Valid = tally.Valid,
            Invalid = tally.Invalid,
            Unanswered = tally.Unanswered,
            Tokens = tally.Tokens,
            Cost = tally.Cost,
        };
    }

    private async Task ApplyAsync<T>(
        BatchRequest<T> request, BatchAnswer? answer, IReadOnlyList<T> items, string?[] keys, bool[] available, int fields, Tally tally,
        CancellationToken cancellationToken)
    {
        var field = request.Field;
        var first = items[request.Items[0]];
        var key = keys[request.Items[0]]!;
        if (answer is not null)
        {
            tally.Tokens += answer.Usage;
            tally.Cost += (field.Price?.CostOf(answer.Usage) ?? 0) * priceFactor;
        }

        if (answer?.Text is not { } text)
        {
            if (answer?.Answered == true)
            {
                tally.Invalid++;
            }
            else
            {
                tally.Unanswered++;
            }

            LogAskingLive(logger, key, field.Name, answer?.Problem ?? "the batch returned no result for it");
            return;
        }

        // The same checks, in the same order, as a live answer: the field's validator, then its blocked words.
        string? problem = null;
        if (!field.TryApply(first, key, text, out var error))
        {
            problem = $"the answer is invalid: {error}";
        }
        else if (field.Words?.FindBlocked(AnswerText.Of(field.Field, first)) is { } blocked)
        {
            problem = $"the answer contains the blocked word '{blocked}'";
        }

        if (problem is not null)
        {
            tally.Invalid++;
            LogAskingLive(logger, key, field.Name, problem);
            return;
        }

        await cache.SetAsync(request.Key, CachedAnswer.Encode(field.Field.FormatAnswer(first)), cancellationToken).ConfigureAwait(false);
        tally.Valid++;
        foreach (var index in request.Items)
        {
            // Later rounds render their prompts from these values, as the live run reads them from the cache.
            available[index * fields + field.Index] = index == request.Items[0] || field.TryApply(items[index], keys[index]!, text, out _);
        }
    }

    private static string?[] ReadKeys<T>(EnrichmentPlan<T> plan, IReadOnlyList<T> items)
    {
        var reader = new ItemKeys<T>(plan.Model);
        return [.. items.Select(item => reader.Read(item, out var rejection) is var key && rejection is null ? key : null)];
    }

    /// <summary>Each field's round: 0 for fields that read no other LLM field, else one more than the latest field it reads.</summary>
    private static int[] Levels<T>(EnrichmentPlan<T> plan)
    {
        // Fields are in dependency order, so a field's dependencies have their level already.
        var levels = new int[plan.Fields.Count];
        foreach (var field in plan.Fields)
        {
            levels[field.Index] = field.Dependencies.Count == 0 ? 0 : field.Dependencies.Max(d => levels[d]) + 1;
        }

        return levels;
    }

    [LoggerMessage(65, LogLevel.Information, "Batch round {Level}: {Requests} request(s) in {Batches} batch(es): {Valid} valid, {Invalid} invalid, {Unanswered} unanswered; the invalid and unanswered are asked live.")]
    private static partial void LogRound(ILogger logger, int level, int requests, int batches, int valid, int invalid, int unanswered);

    [LoggerMessage(66, LogLevel.Debug, "Item '{Key}', field '{Field}': no usable batch answer ({Problem}); asking live.")]
    private static partial void LogAskingLive(ILogger logger, string key, string field, string problem);

    private sealed record BatchRequest<T>(string CustomId, FieldPlan<T> Field, CacheKey Key, ChatCompletionBody Body)
    {
        public List<int> Items { get; } = [];
    }

    private sealed class Tally
    {
        public List<string> BatchIds { get; } = [];

        public int Valid { get; set; }

        public int Invalid { get; set; }

        public int Unanswered { get; set; }

        public TokenUsage Tokens { get; set; }

        public decimal Cost { get; set; }

        public (int Valid, int Invalid, int Unanswered) Snapshot() => (Valid, Invalid, Unanswered);
    }
}

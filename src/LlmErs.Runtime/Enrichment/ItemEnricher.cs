using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;

namespace LlmErs;

/// <summary>
/// Enriches one item: its LLM fields in dependency order, each from the cache or from the model (re-asking with the
/// validation error), each stored durably in the cache before it counts as done. Never throws for a failing item;
/// only cancellation and cache failures propagate.
/// </summary>
internal sealed class ItemEnricher<T>
{
    private readonly EnrichmentPlan<T> _plan;
    private readonly IChatClient _chatClient;
    private readonly ResiliencePipeline<ChatResponse> _pipeline;
    private readonly IEnrichmentCache _cache;
    private readonly FieldPreparer _preparer;
    private readonly EnrichmentOptions _options;
    private readonly bool _estimateRequestTokens;
    private readonly EndpointGuard _guard;
    private readonly ILogger _logger;

    public ItemEnricher(
        EnrichmentPlan<T> plan, IChatClient chatClient, ResiliencePipeline<ChatResponse> pipeline, IEnrichmentCache cache,
        FieldPreparer preparer, EnrichmentOptions options, bool estimateRequestTokens, EndpointGuard guard, ILogger logger)
    {
        _plan = plan;
        _chatClient = chatClient;
        _pipeline = pipeline;
        _cache = cache;
        _preparer = preparer;
        _options = options;
        _estimateRequestTokens = estimateRequestTokens;
        _guard = guard;
        _logger = logger;
    }

    public async Task<ItemOutcome<T>> EnrichAsync(T item, string key, CancellationToken cancellationToken)
    {
        var outcomes = new FieldOutcome[_plan.Fields.Count];
        var unavailable = new bool[_plan.Fields.Count];
        EnrichmentFailure? failure = null;
        foreach (var field in _plan.Fields)
        {
            var outcome = field.LacksInput(unavailable)
                ? new FieldOutcome { Field = field.Name, ModelId = field.ModelId, Status = FieldStatus.Skipped }
                : await EnrichFieldAsync(item, key, field, cancellationToken).ConfigureAwait(false);
            outcomes[field.Index] = outcome;
            unavailable[field.Index] = outcome.Status is FieldStatus.Failed or FieldStatus.Skipped;
            failure ??= outcome.Failure;
        }

        return new ItemOutcome<T>(item, key, outcomes, failure);
    }

    private async ValueTask<FieldOutcome> EnrichFieldAsync(T item, string key, FieldPlan<T> field, CancellationToken cancellationToken)
    {
        var prepared = await _preparer.PrepareAsync(item, key, field, cancellationToken).ConfigureAwait(false);
        if (prepared.Failure is not null || prepared.FromCache)
        {
            return new FieldOutcome
            {
                Field = field.Name,
                ModelId = field.ModelId,
                Status = prepared.Failure is null ? FieldStatus.Cached : FieldStatus.Failed,
                Truncated = prepared.Prompt.Truncated,
                TruncatedInputs = prepared.Prompt.TruncatedInputs ?? [],
                Failure = prepared.Failure,
            };
        }

        return await AskAsync(item, key, field, prepared, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FieldOutcome> AskAsync(T item, string key, FieldPlan<T> field, PreparedField prepared, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = [new(ChatRole.System, field.SystemPrompt), prepared.UserMessage()];
        var chatOptions = field.ChatOptionsFor(item, key);
        var retries = new RetryCounter();
        var usage = default(TokenUsage);
        var calls = 0;
        var wordReasked = false;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ChatResiliencePipeline.Retries, retries);
        context.Properties.Set(EndpointGuard.Key, _guard);
        try
        {
            while (true)
            {
                if (_estimateRequestTokens)
                {
                    context.Properties.Set(ChatRateLimiter.RequestTokens, EstimateTokens(messages, field));
                }

                ChatResponse response;
                calls++;
                try
                {
                    response = await _pipeline.ExecuteAsync(
                        static (context, state) => new ValueTask<ChatResponse>(
                            state.Client.GetResponseAsync(state.Messages, state.Options, context.CancellationToken)),
                        context,
                        (Client: _chatClient, Messages: messages, Options: chatOptions)).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    return Failed(FailureClassifier.FromException(ex, key, field.Name, _options.Resilience));
                }

                usage += TokenUsage.From(response.Usage);
                if (FailureClassifier.FromResponse(response, key, field.Name) is { } refusal)
                {
                    return Failed(refusal);
                }

                var answer = response.Text;
                if (field.TryApply(item, key, answer, out var error))
                {
                    // Blocked words get one re-ask with the reason; an answer the model will not fix is still cached (nothing
                    // is lost) and the pipeline's word gate quarantines it.
                    if (!wordReasked && field.Words?.FindBlocked(AnswerText.Of(field.Field, item)) is { } blocked)
                    {
                        wordReasked = true;
                        var reason = $"it contains the blocked word '{blocked}'; write the answer without it.";
                        Log.Reasking(_logger, key, field.Name, 1, 1, reason);
                        messages.Add(new ChatMessage(ChatRole.Assistant, answer));
                        messages.Add(new ChatMessage(ChatRole.User, FieldMessages.Reask(reason)));
                        continue;
                    }

                    // Durable before it counts: a crash after this line loses nothing, one before it repeats only this request.
                    await _cache.SetAsync(prepared.Key, CachedAnswer.Encode(field.Field.FormatAnswer(item)), cancellationToken).ConfigureAwait(false);
                    return Outcome(FieldStatus.Generated, null);
                }

                var reasks = calls - 1 - (wordReasked ? 1 : 0);
                if (reasks == _options.MaxReasks)
                {
                    return Failed(new EnrichmentFailure(FailureReason.InvalidAnswer, field.Name,
                        $"Item '{key}', field '{field.Name}': the answer was still invalid after {reasks} re-ask(s): {error} " +
                        $"Raise {nameof(EnrichmentOptions)}.{nameof(EnrichmentOptions.MaxReasks)}, or make the field's prompt or vocabulary clearer."));
                }

                Log.Reasking(_logger, key, field.Name, reasks + 1, _options.MaxReasks, error);
                messages.Add(new ChatMessage(ChatRole.Assistant, answer));
                messages.Add(new ChatMessage(ChatRole.User, FieldMessages.Reask(error)));
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        FieldOutcome Failed(EnrichmentFailure failure) => Outcome(FieldStatus.Failed, failure);

        FieldOutcome Outcome(FieldStatus status, EnrichmentFailure? failure) => new()
        {
            Field = field.Name,
            ModelId = field.ModelId,
            Status = status,
            Calls = calls,
            Reasks = calls - 1,
            Retries = retries.Count,
            Usage = usage,
            Truncated = prepared.Prompt.Truncated,
            TruncatedInputs = prepared.Prompt.TruncatedInputs ?? [],
            RecomputedCorruptEntry = prepared.RecomputesCorruptEntry,
            Failure = failure,
        };
    }

    private static int EstimateTokens(List<ChatMessage> messages, FieldPlan<T> field)
    {
        var tokens = field.AnswerTokens;
        foreach (var message in messages)
        {
            tokens += TokenCounter.Count(message.Text);
        }

        return tokens;
    }
}

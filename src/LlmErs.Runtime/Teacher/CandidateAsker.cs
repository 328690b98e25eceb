using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace LlmErs;

/// <summary>
/// Asks questions over per-request candidates (<see cref="ListwiseTeacher"/>, <see cref="PairTeacher"/>) with the
/// enrichment engine's machinery: the per-request JSON schema and typed constraints, the resilience pipeline (retries,
/// circuit breaker, concurrency and rate limits, timeouts), re-asks with the validation error, the content-addressed
/// cache (a valid answer is stored before it counts) and masked logs.
/// </summary>
internal sealed class CandidateAsker : IDisposable
{
    private readonly IChatClient _chatClient;
    private readonly IEnrichmentCache _cache;
    private readonly EnrichmentOptions _requests;
    private readonly ILogger _logger;
    private readonly string _what;
    private readonly ChatRateLimiter? _rateLimiter;
    private readonly ResiliencePipeline<ChatResponse> _pipeline;
    private readonly string _modelId;
    private readonly string _endpoint;

    // The guard of the run in progress (ForEachAsync), for the requests it starts: they flow with its execution context,
    // and the value ends with ForEachAsync, since an async method's changes to an AsyncLocal do not reach its caller.
    private static readonly AsyncLocal<EndpointGuard?> RunGuard = new();

    /// <param name="chatClient">The model.</param>
    /// <param name="cache">Where valid answers are stored.</param>
    /// <param name="requests">The request options, already validated.</param>
    /// <param name="loggerFactory">Logging; masked here, since provider errors may echo a key.</param>
    /// <param name="category">The logger category (the owner's type).</param>
    /// <param name="what">What the requests are, in log entries (e.g. "listwise teacher").</param>
    public CandidateAsker(IChatClient chatClient, IEnrichmentCache cache, EnrichmentOptions requests, ILoggerFactory? loggerFactory, string category, string what)
    {
        _chatClient = chatClient;
        _cache = cache;
        _requests = requests;
        _what = what;
        loggerFactory = loggerFactory is null ? null : new MaskingLoggerFactory(loggerFactory);
        _logger = (ILogger?)loggerFactory?.CreateLogger(category) ?? NullLogger.Instance;
        _rateLimiter = ChatRateLimiter.Create(requests.Resilience);
        _pipeline = ChatResiliencePipeline.Create(requests.Resilience, requests.MaxConcurrency, _rateLimiter, TimeProvider.System, loggerFactory);
        _modelId = requests.ModelId ?? chatClient.GetService<ChatClientMetadata>()?.DefaultModelId ?? "";
        _endpoint = EndpointDescription.Of(chatClient, [_modelId]);
    }

    /// <summary>Answers every request with <paramref name="answer"/>, at most <see cref="EnrichmentOptions.MaxConcurrency"/> at a time; results in request order.</summary>
    public async Task<TResult[]> ForEachAsync<TResult>(
        IReadOnlyList<TeacherRequest> requests, Func<TeacherRequest, CancellationToken, Task<TResult>> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new TResult[requests.Count];
        using var guard = new EndpointGuard(_endpoint, _requests.Resilience, cancellationToken);
        RunGuard.Value = guard;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, requests.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _requests.MaxConcurrency, CancellationToken = guard.Token },
                async (index, token) => results[index] = await answer(requests[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception) when (guard.Stop is { } stop && !cancellationToken.IsCancellationRequested)
        {
            // As in an enrichment run: whatever the requests in flight ended with, the endpoint is the cause.
            Log.TeacherStopped(_logger, _what, stop.Reason, stop.Message);
            throw new EnrichmentStoppedException(stop);
        }

        return results;
    }

    /// <summary>The answer to <paramref name="question"/>: from the cache, or from the model, re-asked until <paramref name="read"/> accepts it.</summary>
    public async Task<CandidateAnswer<T>> AskAsync<T>(CandidateQuestion question, Func<string, AnswerResult<T>> read, CancellationToken cancellationToken)
    {
        var (constraints, user) = (question.Constraints, question.Request.User);
        var schema = CandidateSchema.Write(constraints);
        var mode = _requests.StructuredOutput;
        var system = FieldMessages.System(question.Instructions, schema, mode);
        var message = CandidatePrompt.Write(question.Request, question.AnswerFormat);
        var key = CacheKeyPrefix.Create(question.Fingerprint, _modelId, ChatOptionsDigest.Compute(_requests.ChatOptions, mode), [("system", system)]).Complete("user", message);

        var cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached.Status == CacheLookupStatus.Hit && read(CachedAnswer.Decode(cached.Value.Span)) is { IsValid: true } hit)
        {
            return new CandidateAnswer<T>(hit.Value, null, FromCache: true, Calls: 0, default);
        }

        var chatOptions = _requests.ChatOptions?.Clone() ?? new ChatOptions();
        chatOptions.ModelId ??= _requests.ModelId;
        chatOptions.ResponseFormat = mode == StructuredOutputMode.JsonSchema
            ? ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(schema).RootElement.Clone(), question.SchemaName, question.SchemaDescription)
            : ChatResponseFormat.Json;

        // Added after the key is computed, so it never changes a key; provider clients do not send it.
        chatOptions.AdditionalProperties = new AdditionalPropertiesDictionary(chatOptions.AdditionalProperties ?? []) { [AnswerConstraints.ChatOptionsKey] = constraints };
        List<ChatMessage> messages = [new(ChatRole.System, system), new(ChatRole.User, message)];
        var tokens = default(TokenUsage);
        for (var calls = 1; ; calls++)
        {
            var response = await AskOnceAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            tokens += TokenUsage.From(response.Usage);
            if (response.FinishReason == ChatFinishReason.ContentFilter)
            {
                return new CandidateAnswer<T>(default, $"User '{user}': the model refused to answer the {_what} (content filter).", FromCache: false, calls, tokens);
            }

            var answer = response.Text;
            var result = read(answer);
            if (result.IsValid)
            {
                await _cache.SetAsync(key, CachedAnswer.Encode(answer), cancellationToken).ConfigureAwait(false);
                return new CandidateAnswer<T>(result.Value, null, FromCache: false, calls, tokens);
            }

            if (calls > _requests.MaxReasks)
            {
                return new CandidateAnswer<T>(
                    default,
                    SecretMask.Apply($"User '{user}': the {_what}'s answer was still invalid after {calls - 1} re-ask(s): {result.Error} Raise {nameof(EnrichmentOptions)}.{nameof(EnrichmentOptions.MaxReasks)}, or use a model that follows JSON schemas."),
                    FromCache: false,
                    calls,
                    tokens);
            }

            Log.Reasking(_logger, user, _what, calls, _requests.MaxReasks, result.Error!);
            messages.Add(new ChatMessage(ChatRole.Assistant, answer));
            messages.Add(new ChatMessage(ChatRole.User, FieldMessages.Reask(result.Error!)));
        }
    }

    /// <summary>One request through the pipeline, its attempts counted by the run's guard (none outside <see cref="ForEachAsync"/>).</summary>
    private async Task<ChatResponse> AskOnceAsync(List<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (RunGuard.Value is { } guard)
        {
            context.Properties.Set(EndpointGuard.Key, guard);
        }

        try
        {
            return await _pipeline.ExecuteAsync(
                async attempt => await _chatClient.GetResponseAsync(messages, chatOptions, attempt.CancellationToken).ConfigureAwait(false),
                context).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _rateLimiter?.Dispose();
}

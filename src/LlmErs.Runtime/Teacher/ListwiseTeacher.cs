using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LlmErs;

/// <summary>
/// An LLM as a listwise teacher: for a user's history and a list of candidates (e.g. a base model's retrievals), the
/// model ranks the candidates; the rankings feed distillation (<c>LlmErs.Recommenders.ListwiseTeacherScores</c>).
/// </summary>
/// <remarks>
/// <para>Each request carries a JSON schema (an array of distinct candidate keys, at least
/// <see cref="ListwiseTeacherOptions.MinRanked"/> of them) and the typed constraints
/// (<see cref="AnswerConstraints.Ranking"/>) under <see cref="AnswerConstraints.ChatOptionsKey"/>, so the offline client
/// answers it too. An answer naming a key that is not a candidate, repeating one or ranking too few is re-asked with the
/// validation error, up to <see cref="EnrichmentOptions.MaxReasks"/> times.</para>
/// <para>As in the enrichment engine, requests run through the same resilience pipeline (retries, circuit breaker,
/// concurrency and rate limits, timeouts) and every valid answer is stored in the content-addressed cache before it
/// counts; the key covers the instructions, model, options and the whole user message (history and candidates), so a
/// re-run asks only for users whose request changed.</para>
/// </remarks>
public sealed class ListwiseTeacher : IDisposable
{
    private const string Fingerprint = "llmers-listwise-teacher-v1";

    private readonly IChatClient _chatClient;
    private readonly IEnrichmentCache _cache;
    private readonly ListwiseTeacherOptions _options;
    private readonly ILogger _logger;
    private readonly ChatRateLimiter? _rateLimiter;
    private readonly ResiliencePipeline<ChatResponse> _pipeline;
    private readonly string _modelId;

    /// <summary>Creates a teacher.</summary>
    /// <param name="chatClient">The model; give it no retry policy of its own, since the teacher retries.</param>
    /// <param name="cache">Where valid rankings are stored (e.g. the enrichment's <see cref="SqliteEnrichmentCache"/>).</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="loggerFactory">Logging for re-asks and the resilience pipeline; optional.</param>
    public ListwiseTeacher(IChatClient chatClient, IEnrichmentCache cache, IOptions<ListwiseTeacherOptions>? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(cache);
        _options = options?.Value ?? new ListwiseTeacherOptions();
        _options.Validate();
        _chatClient = chatClient;
        _cache = cache;
        _logger = (ILogger?)loggerFactory?.CreateLogger<ListwiseTeacher>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var requests = _options.Requests;
        _rateLimiter = ChatRateLimiter.Create(requests.Resilience);
        _pipeline = ChatResiliencePipeline.Create(requests.Resilience, requests.MaxConcurrency, _rateLimiter, TimeProvider.System, loggerFactory);
        _modelId = requests.ModelId ?? chatClient.GetService<ChatClientMetadata>()?.DefaultModelId ?? "";
    }

    /// <summary>Ranks the candidates of every request, at most <see cref="EnrichmentOptions.MaxConcurrency"/> at a time; results in request order.</summary>
    /// <exception cref="ArgumentException">A request has no candidate, or two candidates share a key.</exception>
    /// <exception cref="InvalidOperationException">A user's answer was still invalid after the re-asks, or the model refused.</exception>
    public async Task<IReadOnlyList<TeacherRanking>> RankAsync(IReadOnlyList<TeacherRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new TeacherRanking[requests.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Requests.MaxConcurrency, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await RankAsync(requests[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    /// <summary>Ranks one user's candidates: from the cache, or from the model (re-asked until valid).</summary>
    /// <exception cref="ArgumentException">The request has no candidate, or two candidates share a key.</exception>
    /// <exception cref="InvalidOperationException">The answer was still invalid after the re-asks, or the model refused.</exception>
    public async Task<TeacherRanking> RankAsync(TeacherRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keys = request.Candidates.Select(candidate => candidate.Key).ToArray();
        var constraints = AnswerConstraints.Ranking(keys, [.. request.Candidates.Select(candidate => candidate.Text)], _options.MinRanked == 0 ? keys.Length : Math.Min(_options.MinRanked, keys.Length));
        var schema = Schema(constraints);
        var mode = _options.Requests.StructuredOutput;
        var system = FieldMessages.System(_options.Instructions, schema, mode);
        var user = UserMessage(request);
        var key = CacheKeyPrefix.Create(Fingerprint, _modelId, ChatOptionsDigest.Compute(_options.Requests.ChatOptions, mode), [("system", system)]).Complete("user", user);

        var cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached.Status == CacheLookupStatus.Hit && Read(CachedAnswer.Decode(cached.Value.Span), constraints) is { IsValid: true } hit)
        {
            return new TeacherRanking(request.User, hit.Value!, FromCache: true, Calls: 0);
        }

        var chatOptions = _options.Requests.ChatOptions?.Clone() ?? new ChatOptions();
        chatOptions.ModelId ??= _options.Requests.ModelId;
        chatOptions.ResponseFormat = mode == StructuredOutputMode.JsonSchema
            ? ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(schema).RootElement.Clone(), "ranking", "Candidate keys, best first.")
            : ChatResponseFormat.Json;

        // Added after the key is computed, so it never changes a key; provider clients do not send it.
        chatOptions.AdditionalProperties = new AdditionalPropertiesDictionary(chatOptions.AdditionalProperties ?? []) { [AnswerConstraints.ChatOptionsKey] = constraints };
        List<ChatMessage> messages = [new(ChatRole.System, system), new(ChatRole.User, user)];
        for (var calls = 1; ; calls++)
        {
            var response = await _pipeline.ExecuteAsync(
                async token => await _chatClient.GetResponseAsync(messages, chatOptions, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            if (response.FinishReason == ChatFinishReason.ContentFilter)
            {
                throw new InvalidOperationException($"User '{request.User}': the model refused to rank the candidates (content filter).");
            }

            var answer = response.Text;
            var read = Read(answer, constraints);
            if (read.IsValid)
            {
                await _cache.SetAsync(key, CachedAnswer.Encode(answer), cancellationToken).ConfigureAwait(false);
                return new TeacherRanking(request.User, read.Value!, FromCache: false, Calls: calls);
            }

            if (calls > _options.Requests.MaxReasks)
            {
                throw new InvalidOperationException(
                    $"User '{request.User}': the ranking was still invalid after {calls - 1} re-ask(s): {read.Error} Raise {nameof(EnrichmentOptions)}.{nameof(EnrichmentOptions.MaxReasks)}, or use a model that follows JSON schemas.");
            }

            Log.Reasking(_logger, request.User, "listwise teacher", calls, _options.Requests.MaxReasks, read.Error!);
            messages.Add(new ChatMessage(ChatRole.Assistant, answer));
            messages.Add(new ChatMessage(ChatRole.User, FieldMessages.Reask(read.Error!)));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _rateLimiter?.Dispose();

    private static AnswerResult<IReadOnlyList<string>> Read(string answer, AnswerConstraints constraints) =>
        AnswerReader.ReadTags(answer, [.. constraints.Choices], constraints.MinCount, constraints.MaxCount);

    /// <summary>The user message: the history, then each candidate as "key: text", item data inside delimiter tags.</summary>
    private static string UserMessage(TeacherRequest request)
    {
        if (request.Candidates.Count == 0)
        {
            throw new ArgumentException($"User '{request.User}' has no candidate to rank.", nameof(request));
        }

        var text = new StringBuilder("The user's history, oldest first:\n");
        foreach (var entry in request.History)
        {
            text.Append("- ").Append(PromptHygiene.OpenTag).Append(entry).Append(PromptHygiene.CloseTag).Append('\n');
        }

        text.Append("\nCandidates (key: item):\n");
        foreach (var candidate in request.Candidates)
        {
            text.Append("- ").Append(candidate.Key).Append(": ").Append(PromptHygiene.OpenTag).Append(candidate.Text).Append(PromptHygiene.CloseTag).Append('\n');
        }

        text.Append("\nAnswer with {\"value\": [candidate keys, best first]}.");
        return text.ToString();
    }

    private static string Schema(AnswerConstraints constraints)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            writer.WriteStartObject("value");
            writer.WriteString("type", "array");
            writer.WriteStartObject("items");
            writer.WriteStartArray("enum");
            foreach (var key in constraints.Choices)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteNumber("minItems", constraints.MinCount);
            writer.WriteNumber("maxItems", constraints.MaxCount);
            writer.WriteBoolean("uniqueItems", true);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("required");
            writer.WriteStringValue("value");
            writer.WriteEndArray();
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

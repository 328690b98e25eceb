using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace LlmErs.Local;

/// <summary>
/// An <see cref="IChatClient"/> that answers LlmErs field requests <b>without a language model</b>, so the whole
/// pipeline runs with no network and no key. It reads the JSON schema in <see cref="ChatOptions.ResponseFormat"/> and:
/// chooses tags, enums and vocabulary entries zero-shot by embedding similarity between the prompt and the labels;
/// fills numbers with the first number in the prompt that fits the schema's bounds, else null; answers booleans
/// "unknown" (null) where allowed, else false; writes free text as an extractive summary (the prompt's most central
/// sentences within the word bound). It is a baseline that makes the pipeline runnable and testable — not a
/// substitute for an LLM's knowledge. Token counts in its usage are estimates (characters / 4).
/// </summary>
public sealed partial class OfflineChatClient : IChatClient
{
    private readonly LabelRanker _ranker;
    private readonly ExtractiveSummarizer _summarizer;
    private readonly OfflineChatClientOptions _options;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the client over an embedding generator (e.g. the local MiniLM one).</summary>
    public OfflineChatClient(IEmbeddingGenerator<string, Embedding<float>> embeddings, OfflineChatClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _options = options ?? new OfflineChatClientOptions();
        _ranker = new LabelRanker(embeddings);
        _summarizer = new ExtractiveSummarizer(embeddings);
        _metadata = new ChatClientMetadata("llmers-offline", defaultModelId: _options.ModelId);
    }

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var schema = (options?.ResponseFormat as ChatResponseFormatJson)?.Schema
            ?? throw new NotSupportedException(
                "The offline chat client needs the answer's JSON schema in ChatOptions.ResponseFormat " +
                "(ChatResponseFormat.ForJsonSchema); turn off schema-in-prompt mode or configure a real IChatClient.");
        var all = messages.ToList();
        // Delimiter tags around item data (<item>…</item>, written inline around each value) are framing, not content:
        // they go without a trace, so "enjoy <item>Alien</item>?" reads "enjoy Alien?". Other markup separates words.
        var user = string.Join("\n", all.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
        var prompt = MarkupTag().Replace(ItemDelimiter().Replace(user, ""), " ");

        var json = await AnswerAsync(AnswerSchema.Read(schema), prompt, cancellationToken).ConfigureAwait(false);
        var input = all.Sum(m => m.Text.Length);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, json))
        {
            ModelId = _options.ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = (input + 3) / 4, OutputTokenCount = (json.Length + 3) / 4 },
        };
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>The answer as LlmErs answer JSON (<c>{"value": …}</c>).</summary>
    private async Task<string> AnswerAsync(AnswerSchema schema, string prompt, CancellationToken cancellationToken)
    {
        switch (schema.Kind)
        {
            case AnswerKind.Text:
                return AnswerReader.Format(await _summarizer.SummarizeAsync(prompt, schema.MaxWords, cancellationToken).ConfigureAwait(false));
            case AnswerKind.Choice:
                var ranked = await _ranker.RankAsync(prompt, schema.Labels, cancellationToken).ConfigureAwait(false);
                return AnswerReader.Format(schema.Nullable && ranked[0].Similarity < _options.MinimumChoiceSimilarity ? null : ranked[0].Label);
            case AnswerKind.Tags:
                return AnswerReader.Format(await ChooseTagsAsync(schema, prompt, cancellationToken).ConfigureAwait(false));
            case AnswerKind.Integer:
                return AnswerReader.Format(FirstNumber(schema, prompt) is { } integer ? (long)integer : (long?)null);
            case AnswerKind.Number:
                return AnswerReader.Format(FirstNumber(schema, prompt));
            case AnswerKind.Boolean:
                return AnswerReader.Format(schema.Nullable ? (bool?)null : false);
            default:
                return AnswerReader.Format(schema.Nullable ? null : "");
        }
    }

    private async Task<List<string>> ChooseTagsAsync(AnswerSchema schema, string prompt, CancellationToken cancellationToken)
    {
        if (schema.Labels.Count == 0 || schema.MaxItems == 0)
        {
            return [];
        }

        var ranked = await _ranker.RankAsync(prompt, schema.Labels, cancellationToken).ConfigureAwait(false);
        var best = ranked[0].Similarity;
        var wanted = ranked.Count(r => r.Similarity >= best - _options.TagMargin);
        var count = Math.Clamp(wanted, Math.Max(1, schema.MinItems), Math.Min(schema.MaxItems, ranked.Count));
        return ranked.Take(count).Select(r => r.Label).ToList();
    }

    /// <summary>The first number in the prompt that fits the schema; else null, or the in-bounds value nearest zero when required.</summary>
    private static double? FirstNumber(AnswerSchema schema, string prompt)
    {
        foreach (Match match in NumberPattern().Matches(prompt))
        {
            if (double.TryParse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= schema.Minimum && number <= schema.Maximum
                && (schema.Kind == AnswerKind.Number || number == Math.Floor(number)))
            {
                return number;
            }
        }

        if (schema.Nullable)
        {
            return null;
        }

        var fallback = Math.Clamp(0d, schema.Minimum, schema.Maximum);
        return schema.Kind == AnswerKind.Integer ? Math.Ceiling(fallback) : fallback;
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"</?[A-Za-z][\w-]*>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"</?item>", RegexOptions.CultureInvariant)]
    private static partial Regex ItemDelimiter();
}

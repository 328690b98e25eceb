using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace LlmErs.Local;

/// <summary>
/// An <see cref="IChatClient"/> that answers LlmErs field requests <b>without a language model</b>, so the whole
/// pipeline runs with no network and no key. It reads the field's <see cref="AnswerConstraints"/>, which the enrichment
/// engine attaches to each request under <see cref="AnswerConstraints.ChatOptionsKey"/> in
/// <see cref="ChatOptions.AdditionalProperties"/>, and:
/// chooses tags, enums and vocabulary entries zero-shot by embedding similarity between the prompt and the labels;
/// fills numbers with the first number in the prompt within the bounds, else null; answers booleans
/// "unknown" (null) where allowed, else false; writes free text as an extractive summary (the prompt's sentences most
/// central to it by their words, TF-IDF, within the word bound); ranks candidates (<see cref="AnswerKind.Ranking"/>, the listwise teacher's
/// requests) by embedding similarity between each candidate's description and the rest of the prompt (the user's
/// history: the mean direction of its lines, each embedded once); picks a preference pair (<see cref="AnswerKind.Preference"/>, the pair teacher's requests) the same
/// way: the candidate most similar to the history is "liked", the least similar "disliked"; completes knowledge-graph
/// triples (<see cref="AnswerKind.Triples"/>) by ranking every relation's entities against the prompt and taking each
/// relation's closest ones, as it chooses tags (a relation over catalog items ranks the items' names, computed once per
/// catalog, and never names the item itself); checks given triples (<see cref="AnswerKind.TripleVerdicts"/>) by the same
/// similarity: it drops a triple whose tail is no entity of its relation, fixes one to the relation's closest entity when
/// that is closer than the given tail by <see cref="OfflineChatClientOptions.CorrectionMargin"/>, and keeps the rest, each
/// with a reason that states the numbers — a check of fit to the prompt, not of truth. It is a baseline that makes the pipeline runnable and testable — not a substitute for an LLM's knowledge. Token counts in its usage are estimates (characters / 4).
/// </summary>
/// <remarks>
/// Concurrent requests share embedding calls: what arrives while the model is busy is embedded together in the next
/// call, which costs far less per prompt than one prompt at a time, and the more prompts a call holds, the closer in
/// length are the prompts the local model pads to one another. Let many requests be in flight (e.g.
/// <c>EnrichmentOptions.MaxConcurrency = 1024</c>); the answers do not depend on it.
/// </remarks>
public sealed partial class OfflineChatClient : IChatClient
{
    // A call's texts are sorted by length into the model's batches, so the more a call holds, the less it pads: on
    // MovieLens enrichment, calls of hundreds of prompts ran 7–12% more word pieces than the prompts hold, calls of
    // about six 65% more. As many calls at once as there are cores.
    private const int TextsPerEmbeddingCall = 1024;

    // About the 256 word pieces an embedding model like MiniLM reads, at the four characters per token the usage
    // estimates assume: what is read whole when the model cannot say.
    private const int WindowCharacters = 1024;

    private readonly LabelRanker _ranker;
    private readonly TripleChooser _triples;
    private readonly TripleJudge _judge;
    private readonly OfflineChatClientOptions _options;
    private readonly ChatClientMetadata _metadata;
    private readonly Func<string, bool> _readsWhole;

    /// <summary>Creates the client over an embedding generator (e.g. the local MiniLM one).</summary>
    public OfflineChatClient(IEmbeddingGenerator<string, Embedding<float>> embeddings, OfflineChatClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _options = options ?? new OfflineChatClientOptions();

        // A list of movies tokenizes at about 3.4 characters a word piece, so MovieLens liked-moods prompts under the
        // character bound could be cut at MiniLM's window, their oldest movies unread: the model itself says what fits.
        _readsWhole = embeddings.GetService<MiniLmEmbeddingGenerator>() is { } model ? model.ReadsWhole : static text => text.Length <= WindowCharacters;
        var batcher = new EmbeddingBatcher(embeddings, TextsPerEmbeddingCall, Environment.ProcessorCount);
        _ranker = new LabelRanker(batcher);
        var entities = new EntityIndex(batcher, TextsPerEmbeddingCall);
        _triples = new TripleChooser(entities, _options.TagMargin);
        _judge = new TripleJudge(entities, _options.CorrectionMargin);
        _metadata = new ChatClientMetadata("llmers-offline", defaultModelId: _options.ModelId);
    }

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (options?.AdditionalProperties?.TryGetValue(AnswerConstraints.ChatOptionsKey, out AnswerConstraints? constraints) is not true)
        {
            throw new NotSupportedException(
                "The offline chat client answers LlmErs field requests only: it answers from the field's AnswerConstraints, which " +
                $"the enrichment engine puts in ChatOptions.AdditionalProperties[\"{AnswerConstraints.ChatOptionsKey}\"]. " +
                "Configure a real IChatClient for other requests.");
        }

        var all = messages.ToList();
        // Delimiter tags around item data (<item>…</item>, written inline around each value) are framing, not content:
        // they go without a trace, so "enjoy <item>Alien</item>?" reads "enjoy Alien?". Other markup separates words.
        var user = string.Join("\n", all.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
        var prompt = MarkupTag().Replace(ItemDelimiter().Replace(user, ""), " ");

        var json = await AnswerAsync(constraints, prompt, cancellationToken).ConfigureAwait(false);
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
    private async Task<string> AnswerAsync(AnswerConstraints constraints, string prompt, CancellationToken cancellationToken)
    {
        switch (constraints.Kind)
        {
            case AnswerKind.Text:
                return AnswerReader.Format(ExtractiveSummarizer.Summarize(prompt, constraints.MaxWords));
            case AnswerKind.Choice:
                var ranked = await _ranker.RankAsync(Reading(prompt), constraints.Choices, cancellationToken).ConfigureAwait(false);
                return AnswerReader.Format(constraints.AllowsUnknown && ranked[0].Similarity < _options.MinimumChoiceSimilarity ? null : ranked[0].Label);
            case AnswerKind.Tags:
                return AnswerReader.Format(await ChooseTagsAsync(constraints, prompt, cancellationToken).ConfigureAwait(false));
            case AnswerKind.Ranking:
                return AnswerReader.Format(await RankCandidatesAsync(constraints, prompt, cancellationToken).ConfigureAwait(false));
            case AnswerKind.Preference:
                var keys = await RankCandidatesAsync(constraints, prompt, cancellationToken).ConfigureAwait(false);
                return AnswerReader.Format(new PreferenceAnswer(keys[0], keys[^1]));
            case AnswerKind.Triples:
                return TripleAnswers.FormatTriples(await _triples.ChooseAsync(constraints, prompt, cancellationToken).ConfigureAwait(false));
            case AnswerKind.TripleVerdicts:
                return TripleAnswers.FormatVerdicts(await _judge.JudgeAsync(constraints, prompt, cancellationToken).ConfigureAwait(false));
            case AnswerKind.Integer:
                return AnswerReader.Format(FirstNumber(constraints, prompt) is { } integer ? (long)integer : (long?)null);
            case AnswerKind.Number:
                return AnswerReader.Format(FirstNumber(constraints, prompt));
            case AnswerKind.Boolean:
                return AnswerReader.Format(constraints.AllowsUnknown ? (bool?)null : false);
            default:
                return AnswerReader.Format(constraints.AllowsUnknown ? null : "");
        }
    }

    private async Task<List<string>> ChooseTagsAsync(AnswerConstraints constraints, string prompt, CancellationToken cancellationToken)
    {
        if (constraints.Choices.Count == 0 || constraints.MaxCount == 0)
        {
            return [];
        }

        var ranked = await _ranker.RankAsync(Reading(prompt), constraints.Choices, cancellationToken).ConfigureAwait(false);
        var best = ranked[0].Similarity;
        var wanted = ranked.Count(r => r.Similarity >= best - _options.TagMargin);
        var count = Math.Clamp(wanted, Math.Max(1, constraints.MinCount), Math.Min(constraints.MaxCount, ranked.Count));
        return ranked.Take(count).Select(r => r.Label).ToList();
    }

    /// <summary>Every candidate key, the candidate whose description is most similar to the prompt without the descriptions (line by line) first.</summary>
    private async Task<List<string>> RankCandidatesAsync(AnswerConstraints constraints, string prompt, CancellationToken cancellationToken)
    {
        var descriptions = constraints.ChoiceDescriptions;
        var history = prompt;
        foreach (var description in descriptions)
        {
            history = history.Replace(description, "", StringComparison.Ordinal);
        }

        // Line by line: a history line recurs across users (and as a candidate), so each is embedded once, and a long
        // history is read whole where one text would be cut at the model's window.
        var lines = HistoryLines(history, constraints.Choices);
        var ranked = await _ranker.RankAsync(lines.Count > 0 ? lines : [history], descriptions, cancellationToken).ConfigureAwait(false);

        // Descriptions may repeat (two films of one title): each ranked description takes the next unused key it stands for.
        var used = new bool[descriptions.Count];
        var keys = new List<string>(descriptions.Count);
        foreach (var (label, _) in ranked)
        {
            for (var i = 0; i < descriptions.Count; i++)
            {
                if (!used[i] && string.Equals(descriptions[i], label, StringComparison.Ordinal))
                {
                    used[i] = true;
                    keys.Add(constraints.Choices[i]);
                    break;
                }
            }
        }

        return keys;
    }

    /// <summary>
    /// What labels are ranked against: the prompt as one text while the embedding model can read it whole, else its
    /// sentences (their mean direction), so a long prompt — a viewer's 30 movies — is read to its end rather than cut at
    /// the model's window, and a sentence that recurs across prompts is embedded once.
    /// </summary>
    private IReadOnlyList<string> Reading(string prompt) =>
        _readsWhole(prompt) || PromptSentences.Of(prompt) is not { Count: > 1 } sentences ? [prompt] : sentences;

    /// <summary>The lines of the prompt without the descriptions that still say something: list marks trimmed, a candidate's leftover key dropped.</summary>
    private static List<string> HistoryLines(string history, IReadOnlyList<string> keys) =>
        [
            .. history.Split('\n')
                .Select(line => line.Trim().TrimStart('-', '*', ' ').TrimEnd(':', ' '))
                .Where(line => line.Any(char.IsLetterOrDigit) && !keys.Contains(line, StringComparer.Ordinal)),
        ];

    /// <summary>The first number in the prompt within the bounds; else null, or the in-bounds value nearest zero when required.</summary>
    private static double? FirstNumber(AnswerConstraints constraints, string prompt)
    {
        var minimum = constraints.Minimum ?? double.NegativeInfinity;
        var maximum = constraints.Maximum ?? double.PositiveInfinity;
        foreach (Match match in NumberPattern().Matches(prompt))
        {
            if (double.TryParse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= minimum && number <= maximum
                && (constraints.Kind == AnswerKind.Number || number == Math.Floor(number)))
            {
                return number;
            }
        }

        if (constraints.AllowsUnknown)
        {
            return null;
        }

        var fallback = Math.Clamp(0d, minimum, maximum);
        return constraints.Kind == AnswerKind.Integer ? Math.Ceiling(fallback) : fallback;
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"</?[A-Za-z][\w-]*>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"</?item>", RegexOptions.CultureInvariant)]
    private static partial Regex ItemDelimiter();
}

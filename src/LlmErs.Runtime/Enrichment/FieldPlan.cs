using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>Everything fixed about one LLM field for the length of a run: model, options, system message, cache-key parts.</summary>
internal sealed class FieldPlan<T>
{
    private readonly Lazy<int> _answerTokens;
    private readonly bool _perItem;

    public FieldPlan(
        LlmField<T> field, int index, string modelId, EnrichmentOptions options, IReadOnlyList<int> dependencies, CatalogEntities? catalog)
    {
        var constraints = Bind(field, catalog);
        Constraints = constraints;
        _perItem = constraints.HasCatalogRelations || constraints.Kind == AnswerKind.TripleVerdicts;
        Field = field;
        Index = index;
        ModelId = modelId;
        Dependencies = dependencies;

        JsonElement schema;
        try
        {
            using var document = JsonDocument.Parse(field.JsonSchema);
            schema = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(
                $"The generated JSON schema of {field} is not valid JSON ({ex.Message}); rebuild the project, and report it if it persists.", ex);
        }

        var chatOptions = options.ChatOptions?.Clone() ?? new ChatOptions();
        chatOptions.ModelId = modelId;
        chatOptions.ResponseFormat = options.StructuredOutput == StructuredOutputMode.JsonSchema
            ? ChatResponseFormat.ForJsonSchema(schema, field.Name, field.Description)
            : ChatResponseFormat.Json;
        ChatOptions = chatOptions;
        SystemPrompt = FieldMessages.System(field.Instructions, field.JsonSchema, options.StructuredOutput);
        KeyPrefix = CacheKeyPrefix.Create(field.Fingerprint, modelId, ChatOptionsDigest.Compute(options.ChatOptions, options.StructuredOutput),
            [(ChatRole.System.Value, SystemPrompt)]);

        // After the digest, and into a dictionary of the plan's own (the caller's may be shared between fields), so the
        // constraints never enter a cache key. Provider clients send only the properties they know; the offline client
        // answers from these.
        chatOptions.AdditionalProperties = chatOptions.AdditionalProperties is { } properties ? new(properties) : new();
        chatOptions.AdditionalProperties[AnswerConstraints.ChatOptionsKey] = constraints;
        var textAnswerTokens = options.EstimatedTextAnswerTokens;
        var maxOutputTokens = options.ChatOptions?.MaxOutputTokens;

        // Only dry runs and the tokens-per-minute limit need it, and it loads the tokenizer.
        _answerTokens = new Lazy<int>(() => AnswerAllowance.Estimate(constraints, textAnswerTokens, maxOutputTokens));
        Price = options.Prices.TryGetValue(modelId, out var price) ? price : null;
        Words = FieldWordRules.MatcherOf(field, options.Governance);
    }

    public LlmField<T> Field { get; }

    /// <summary>The field's constraints for this run: its own, with catalog relations bound to the run's catalog.</summary>
    public AnswerConstraints Constraints { get; }

    public string Name => Field.Name;

    /// <summary>The field's position in <see cref="EnrichmentModel{T}.LlmFields"/>.</summary>
    public int Index { get; }

    public string ModelId { get; }

    /// <summary>Positions of the LLM fields this one depends on.</summary>
    public IReadOnlyList<int> Dependencies { get; }

    public ChatOptions ChatOptions { get; }

    public string SystemPrompt { get; }

    /// <summary>The cache-key part shared by all the field's requests: fingerprint, model, options, system message.</summary>
    public CacheKeyPrefix KeyPrefix { get; }

    /// <summary>The most tokens a valid answer can take (see <see cref="AnswerAllowance"/>).</summary>
    public int AnswerTokens => _answerTokens.Value;

    public ModelPrice? Price { get; }

    /// <summary>The field's blocked words; <see langword="null"/> when it declares none.</summary>
    public WordMatcher? Words { get; }

    /// <summary>
    /// The chat options of <paramref name="item"/>'s request: <see cref="ChatOptions"/>, except that a field answered per item
    /// (tails among catalog items, or a correction) carries the item's key and given triples in its constraints.
    /// </summary>
    public ChatOptions ChatOptionsFor(T item, string key)
    {
        if (!_perItem)
        {
            return ChatOptions;
        }

        var options = ChatOptions.Clone();
        options.AdditionalProperties = new(ChatOptions.AdditionalProperties!)
        {
            [AnswerConstraints.ChatOptionsKey] = Constraints.ForItem(key, Field.GetGivenTriples(item)),
        };
        return options;
    }

    /// <summary>
    /// Applies an answer to <paramref name="item"/> as the field does, then normalizes the tails of catalog relations to the
    /// keys of the run's catalog (never <paramref name="key"/>, the item itself); an answer that fails either is not applied.
    /// </summary>
    public bool TryApply(T item, string key, string answer, [NotNullWhen(false)] out string? error)
    {
        if (!Field.TryApply(item, answer, out error))
        {
            return false;
        }

        if (!Constraints.HasCatalogRelations)
        {
            return true;
        }

        var triples = (LlmField<T, IReadOnlyList<KgTriple>>)Field;
        var resolved = TripleAnswers.ResolveCatalogTails(triples.GetValue(item) ?? [], Constraints.Relations, key);
        if (!resolved.IsValid)
        {
            triples.ClearValue(item);
            error = resolved.Error!;
            return false;
        }

        triples.SetValue(item, resolved.Value);
        return true;
    }

    /// <summary>Whether a field this one depends on is marked in <paramref name="unavailable"/> (failed or skipped).</summary>
    public bool LacksInput(ReadOnlySpan<bool> unavailable)
    {
        foreach (var dependency in Dependencies)
        {
            if (unavailable[dependency])
            {
                return true;
            }
        }

        return false;
    }

    private static AnswerConstraints Bind(LlmField<T> field, CatalogEntities? catalog)
    {
        var constraints = field.Constraints;
        if (!constraints.HasCatalogRelations)
        {
            return constraints;
        }

        var relations = string.Join(", ", constraints.Relations.Where(r => r.IsCatalog).Select(r => $"'{r.Name}'"));
        if (field is not LlmField<T, IReadOnlyList<KgTriple>>)
        {
            throw new InvalidOperationException($"{field} has catalog relation(s) {relations} but does not hold triples; only an [LlmTriples] field can.");
        }

        return catalog is null
            ? throw new InvalidOperationException(
                $"{field} has relation(s) {relations} whose tails are catalog items (CatalogItems = true), so the run needs the catalog: " +
                $"pass the items as {nameof(ItemCatalog)}.{nameof(ItemCatalog.Of)}(items, item => item.Name) to the engine or the pipeline.")
            : constraints.WithCatalog(catalog);
    }
}

using System.Text.Json;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>Everything fixed about one LLM field for the length of a run: model, options, system message, cache-key parts.</summary>
internal sealed class FieldPlan<T>
{
    private readonly Lazy<int> _answerTokens;

    public FieldPlan(
        LlmField<T> field, int index, string modelId, EnrichmentOptions options, IReadOnlyList<int> dependencies)
    {
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
        chatOptions.AdditionalProperties[AnswerConstraints.ChatOptionsKey] = field.Constraints;
        var textAnswerTokens = options.EstimatedTextAnswerTokens;
        var maxOutputTokens = options.ChatOptions?.MaxOutputTokens;

        // Only dry runs and the tokens-per-minute limit need it, and it loads the tokenizer.
        _answerTokens = new Lazy<int>(() => AnswerAllowance.Estimate(field.Constraints, textAnswerTokens, maxOutputTokens));
        Price = options.Prices.TryGetValue(modelId, out var price) ? price : null;
        Words = FieldWordRules.MatcherOf(field, options.Governance);
    }

    public LlmField<T> Field { get; }

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
}

using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>Options of the <see cref="EnrichmentEngine"/>.</summary>
public sealed class EnrichmentOptions
{
    /// <summary>
    /// Most model requests in flight at once, across all runs of one engine. Items are rendered, looked up, committed
    /// and written ahead of their requests, up to four times as many at once. Default 8.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>How many times an invalid answer is sent back to the model with the validation error. Default 2.</summary>
    public int MaxReasks { get; set; } = 2;

    /// <summary>
    /// The model of every field without an entry in <see cref="FieldModels"/>. When <see langword="null"/>, the chat
    /// client's <see cref="ChatClientMetadata.DefaultModelId"/>. The model id is part of every cache key.
    /// </summary>
    public string? ModelId { get; set; }

    /// <summary>Models for single fields, keyed by field (property) name; they override <see cref="ModelId"/>.</summary>
    public IDictionary<string, string> FieldModels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Chat options sent with every request (temperature, seed, maximum output tokens, provider-specific properties…).
    /// The engine sets <see cref="ChatOptions.ModelId"/> and <see cref="ChatOptions.ResponseFormat"/> itself. The options
    /// that change answers are part of every cache key.
    /// </summary>
    public ChatOptions? ChatOptions { get; set; }

    /// <summary>How requests ask for schema-conforming JSON. Default <see cref="StructuredOutputMode.JsonSchema"/>.</summary>
    public StructuredOutputMode StructuredOutput { get; set; } = StructuredOutputMode.JsonSchema;

    /// <summary>How item text is cleaned and bounded before it enters a prompt.</summary>
    public PromptHygieneOptions Hygiene { get; set; } = new();

    /// <summary>Word lists the fields' word rules name, shared with the pipeline's word gate.</summary>
    public GovernanceOptions Governance { get; set; } = new();

    /// <summary>Timeouts, retries, circuit breaker and rate limits of model requests.</summary>
    public EnrichmentResilienceOptions Resilience { get; set; } = new();

    /// <summary>Prices per model id (case-insensitive), for the cost in progress reports, run reports and dry runs.</summary>
    public IDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The expected length in tokens of a free-text answer whose schema sets no bound, used by dry runs and by the
    /// tokens-per-minute limit before the provider reports the real count. Default 100.
    /// </summary>
    public int EstimatedTextAnswerTokens { get; set; } = 100;

    /// <summary>The least time between two progress reports. Default 1 second.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How the images of fields that declare <see cref="LlmFieldAttribute.Images"/> are read (size limit).</summary>
    public ImageOptions Images { get; set; } = new();

    /// <summary>
    /// When set, runs send their requests through the OpenAI Batch API first and ask live only what the batches did not
    /// answer validly. <see langword="null"/> (the default) asks everything live.
    /// </summary>
    public BatchEnrichmentOptions? Batch { get; set; }

    internal void Validate()
    {
        AtLeast(MaxConcurrency, 1, nameof(MaxConcurrency));
        AtLeast(MaxReasks, 0, nameof(MaxReasks));
        AtLeast(EstimatedTextAnswerTokens, 1, nameof(EstimatedTextAnswerTokens));
        ArgumentNullException.ThrowIfNull(Hygiene, nameof(Hygiene));
        ArgumentNullException.ThrowIfNull(Resilience, nameof(Resilience));
        ArgumentNullException.ThrowIfNull(Governance, nameof(Governance));
        ArgumentNullException.ThrowIfNull(Images, nameof(Images));
        Images.Validate();

        if (ProgressInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ProgressInterval), ProgressInterval, $"{nameof(EnrichmentOptions)}.{nameof(ProgressInterval)} must not be negative.");
        }

        Resilience.Validate();
        Batch?.Validate();
    }

    private static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(EnrichmentOptions)}.{name} must be at least {minimum}.");
        }
    }
}

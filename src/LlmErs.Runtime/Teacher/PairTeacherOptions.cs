namespace LlmErs;

/// <summary>Options of <see cref="PairTeacher"/>.</summary>
public sealed class PairTeacherOptions
{
    /// <summary>
    /// The request options the enrichment engine also uses: <see cref="EnrichmentOptions.ModelId"/>,
    /// <see cref="EnrichmentOptions.ChatOptions"/>, <see cref="EnrichmentOptions.StructuredOutput"/>,
    /// <see cref="EnrichmentOptions.MaxReasks"/>, <see cref="EnrichmentOptions.MaxConcurrency"/> and
    /// <see cref="EnrichmentOptions.Resilience"/> (retries, timeouts, rate limits).
    /// </summary>
    public EnrichmentOptions Requests { get; set; } = new();

    /// <summary>What the model is told before the answer format; part of every cache key.</summary>
    public string Instructions { get; set; } =
        "You are a recommender. Given what a user watched, choose among the candidate items the one the user would most likely enjoy and the one the user would least likely enjoy.";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Requests, nameof(Requests));
        ArgumentException.ThrowIfNullOrWhiteSpace(Instructions, nameof(Instructions));
        Requests.Validate();
    }
}

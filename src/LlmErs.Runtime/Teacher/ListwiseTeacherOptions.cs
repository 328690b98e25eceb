namespace LlmErs;

/// <summary>Options of <see cref="ListwiseTeacher"/>.</summary>
public sealed class ListwiseTeacherOptions
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
        "You are a recommender. Given what a user watched, rank the candidate items by how likely the user is to enjoy each one next, best first.";

    /// <summary>The fewest candidates a valid answer ranks; 0 (the default) for all of them.</summary>
    public int MinRanked { get; set; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Requests, nameof(Requests));
        ArgumentException.ThrowIfNullOrWhiteSpace(Instructions, nameof(Instructions));
        ArgumentOutOfRangeException.ThrowIfNegative(MinRanked, nameof(MinRanked));
        Requests.Validate();
    }
}

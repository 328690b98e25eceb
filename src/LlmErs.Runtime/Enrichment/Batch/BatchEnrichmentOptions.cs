namespace LlmErs;

/// <summary>
/// Options of the batch mode of the <see cref="EnrichmentEngine"/> (set <see cref="EnrichmentOptions.Batch"/>): the
/// requests of a run are sent through the OpenAI Batch API (half the price, answered within 24 hours), every answer is
/// validated and cached as a live one is, and whatever the batch did not answer validly is asked live.
/// </summary>
public sealed class BatchEnrichmentOptions
{
    /// <summary>The environment variable the API key is read from when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The file, in <see cref="StateDirectory"/>, that records the batches submitted and not yet used.</summary>
    public const string LedgerFileName = "batches.json";

    /// <summary>The API's base address, up to and including the version: <c>https://api.openai.com/v1</c> by default.</summary>
    public Uri Endpoint { get; set; } = new("https://api.openai.com/v1");

    /// <summary>The API key; when <see langword="null"/>, read from <see cref="ApiKeyVariable"/>. It is never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the batch ids are recorded (<see cref="LedgerFileName"/>) and the input files kept; required. A run that
    /// stops while a batch is pending (cancelled, crashed, <see cref="MaxWait"/> reached) resumes polling that batch when
    /// it is run again with the same items, instead of submitting a new one. Next to the cache is a good place.
    /// </summary>
    public string StateDirectory { get; set; } = "";

    /// <summary>How long to wait between two status requests. Default 30 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one run waits for its batches before it stops with an error (the batches stay recorded, so the next run
    /// resumes waiting). Default 25 hours: the API's 24-hour completion window, and then some.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromHours(25);

    /// <summary>The most requests in one batch; more are split into several batches. Default 50,000, the API's limit.</summary>
    public int MaxRequestsPerBatch { get; set; } = 50_000;

    /// <summary>The largest input file of one batch, in bytes; larger ones are split. Default 200 MB, the API's limit.</summary>
    public long MaxBatchFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The timeout of one HTTP request to the API (an upload, a download, a status request). Default 5 minutes.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The share of the live price that batch tokens cost, for the batch's cost in the run report. Default 0.5 (the
    /// OpenAI batch discount); prices come from <see cref="EnrichmentOptions.Prices"/>.
    /// </summary>
    public decimal PriceFactor { get; set; } = 0.5m;

    internal void Validate()
    {
        const string Name = nameof(BatchEnrichmentOptions);
        ArgumentNullException.ThrowIfNull(Endpoint, nameof(Endpoint));
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{Name}.{nameof(Endpoint)} must be an absolute http(s) URL such as https://api.openai.com/v1; got '{Endpoint}'.", nameof(Endpoint));
        }

        if (string.IsNullOrWhiteSpace(StateDirectory))
        {
            throw new ArgumentException(
                $"Set {Name}.{nameof(StateDirectory)}: the folder where submitted batches are recorded, so that a stopped run resumes them.",
                nameof(StateDirectory));
        }

        Positive(PollInterval, nameof(PollInterval));
        Positive(MaxWait, nameof(MaxWait));
        Positive(RequestTimeout, nameof(RequestTimeout));
        if (MaxRequestsPerBatch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestsPerBatch), MaxRequestsPerBatch, $"{Name}.{nameof(MaxRequestsPerBatch)} must be at least 1.");
        }

        if (MaxBatchFileBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchFileBytes), MaxBatchFileBytes, $"{Name}.{nameof(MaxBatchFileBytes)} must be at least 1.");
        }

        if (PriceFactor < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PriceFactor), PriceFactor, $"{Name}.{nameof(PriceFactor)} must not be negative.");
        }
    }

    /// <summary>The key from the options or the environment; a clear error when neither has one.</summary>
    internal string ResolveApiKey() =>
        ApiKey is { Length: > 0 } key ? key
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } variable ? variable
        : throw new InvalidOperationException(
            $"Batch mode needs an API key for {Endpoint}: set {nameof(BatchEnrichmentOptions)}.{nameof(ApiKey)} or the {ApiKeyVariable} environment variable.");

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(BatchEnrichmentOptions)}.{name} must be positive.");
        }
    }
}

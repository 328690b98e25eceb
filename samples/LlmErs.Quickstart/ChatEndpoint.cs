using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace LlmErs.Quickstart;

/// <summary>An OpenAI-compatible chat-completions endpoint (OpenAI, Ollama's <c>/v1</c>, vLLM, LM Studio…).</summary>
/// <param name="Url">The base address, e.g. <c>http://localhost:11434/v1</c>.</param>
/// <param name="Model">The model name the endpoint serves.</param>
/// <param name="ApiKey">The key; null for servers that need none, such as Ollama.</param>
internal sealed record ChatEndpoint(Uri Url, string Model, string? ApiKey)
{
    /// <summary>
    /// How long one request may take. Longer than the engine's default minute: a local server such as Ollama queues what
    /// exceeds its parallel slots, so an attempt may wait behind others.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Attempts in a row that cannot connect or time out before the run stops; see <see cref="EnrichmentResilienceOptions.StopAfterConsecutiveFailures"/>.</summary>
    public int StopAfterConsecutiveFailures { get; init; } = new EnrichmentResilienceOptions().StopAfterConsecutiveFailures;

    /// <summary>Whether the run first sends one small request to check the URL, key and model.</summary>
    public bool Preflight { get; init; } = true;

    /// <summary>
    /// The enrichment engine owns retries and timeouts (with backoff, Retry-After and a circuit breaker), so the client
    /// makes one attempt, and its own network timeout is longer than the engine's attempt timeout.
    /// </summary>
    public IChatClient CreateClient() =>
        new OpenAIClient(new ApiKeyCredential(ApiKey ?? "unused"), new OpenAIClientOptions
        {
            Endpoint = Url,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = AttemptTimeout + TimeSpan.FromSeconds(30),
        }).GetChatClient(Model).AsIChatClient();

    /// <summary>Batch mode against this endpoint, its batches recorded in <paramref name="stateDirectory"/> so that a stopped run resumes them.</summary>
    public BatchEnrichmentOptions CreateBatchOptions(string stateDirectory) =>
        new() { Endpoint = Url, ApiKey = ApiKey, StateDirectory = stateDirectory };

    /// <summary>The endpoint and model; never the key, which a record would otherwise print.</summary>
    public override string ToString() => $"{Model} at {Url}";
}

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
    /// The enrichment engine owns retries and timeouts (with backoff, Retry-After and a circuit breaker), so the client
    /// makes one attempt, and its own network timeout is longer than the engine's attempt timeout.
    /// </summary>
    public IChatClient CreateClient(TimeSpan attemptTimeout) =>
        new OpenAIClient(new ApiKeyCredential(ApiKey ?? "unused"), new OpenAIClientOptions
        {
            Endpoint = Url,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = attemptTimeout + TimeSpan.FromSeconds(30),
        }).GetChatClient(Model).AsIChatClient();

    /// <summary>Batch mode against this endpoint, its batches recorded in <paramref name="stateDirectory"/> so that a stopped run resumes them.</summary>
    public BatchEnrichmentOptions CreateBatchOptions(string stateDirectory) =>
        new() { Endpoint = Url, ApiKey = ApiKey, StateDirectory = stateDirectory };

    /// <summary>The endpoint and model; never the key, which a record would otherwise print.</summary>
    public override string ToString() => $"{Model} at {Url}";
}

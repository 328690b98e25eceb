using LlmErs;
using LlmErs.Local;
using Microsoft.Extensions.AI;

namespace LlmErs.Quickstart;

/// <summary>
/// The chat client enrichment runs on, with engine options that suit it: the offline client (no network, no key) unless
/// an endpoint is configured. Embeddings stay with the local model either way.
/// </summary>
internal sealed class ChatSetup : IDisposable
{
    private ChatSetup(IChatClient client, EnrichmentOptions options, string description, bool isExtractive = false)
    {
        IsExtractive = isExtractive;
        Client = client;
        Options = options;
        Description = description;
    }

    private const int OfflineConcurrency = 1024;

    private static readonly TimeSpan OfflineAttemptTimeout = TimeSpan.FromMinutes(10);

    public IChatClient Client { get; }

    public EnrichmentOptions Options { get; }

    /// <summary>Whether the client's free text is the item's own text (the offline client): it copies its input by design.</summary>
    public bool IsExtractive { get; }

    /// <summary>Which client answers, for the console.</summary>
    public string Description { get; }

    /// <summary>Request options that suit the offline client, for the enrichment engine and the teachers alike.</summary>
    public static EnrichmentOptions OfflineOptions()
    {
        // The offline client embeds the prompts of concurrent requests together, sorted by length: many in flight fill
        // its calls and pad little (64 in flight left about six prompts a call, and enrichment took twice as long). It
        // runs on this machine, so a slow answer (a viewer's profile prompt lists 30 movies) is load, not a dead endpoint.
        var offline = new EnrichmentOptions { MaxConcurrency = OfflineConcurrency };
        offline.Resilience.AttemptTimeout = OfflineAttemptTimeout;
        return offline;
    }

    public static ChatSetup Create(ChatEndpoint? endpoint, IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        if (endpoint is null)
        {
            return new ChatSetup(
                new OfflineChatClient(embeddings),
                OfflineOptions(),
                "offline chat client (no LLM, no network: labels by embedding similarity, extractive text)",
                isExtractive: true);
        }

        // A provider answers requests in parallel while each waits on the network.
        var options = new EnrichmentOptions { MaxConcurrency = 8, ModelId = endpoint.Model };
        options.Resilience.AttemptTimeout = endpoint.AttemptTimeout;
        options.Resilience.StopAfterConsecutiveFailures = endpoint.StopAfterConsecutiveFailures;
        options.Resilience.Preflight = endpoint.Preflight;
        return new ChatSetup(endpoint.CreateClient(), options, $"{endpoint} (OpenAI-compatible endpoint)");
    }

    public void Dispose() => Client.Dispose();
}

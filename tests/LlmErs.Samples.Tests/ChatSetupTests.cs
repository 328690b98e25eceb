using LlmErs.Local;
using LlmErs.Quickstart;
using Microsoft.Extensions.AI;

namespace LlmErs.Samples.Tests;

public sealed class ChatSetupTests
{
    [Fact]
    public void WithoutEndpoint_TheOfflineClientGetsEnoughRequestsInFlightToFillItsEmbeddingBatches()
    {
        using var embeddings = new MiniLmEmbeddingGenerator();
        using var chat = ChatSetup.Create(null, embeddings);

        Assert.Equal("llmers-offline", chat.Client.GetService<ChatClientMetadata>()!.ProviderName);
        Assert.Equal(1024, chat.Options.MaxConcurrency);
        Assert.StartsWith("offline chat client", chat.Description);
    }

    [Fact]
    public void WithEndpoint_AnOpenAICompatibleClientForThatModel()
    {
        using var embeddings = new MiniLmEmbeddingGenerator();
        using var chat = ChatSetup.Create(new ChatEndpoint(new Uri("http://localhost:11434/v1"), "llama3.2", "secret"), embeddings);

        var metadata = chat.Client.GetService<ChatClientMetadata>()!;
        Assert.Equal("llama3.2", metadata.DefaultModelId);
        Assert.Equal(new Uri("http://localhost:11434/v1"), metadata.ProviderUri);
        Assert.Equal(8, chat.Options.MaxConcurrency);
        Assert.Equal("llama3.2", chat.Options.ModelId);
        Assert.Equal("llama3.2 at http://localhost:11434/v1 (OpenAI-compatible endpoint)", chat.Description);
    }
}

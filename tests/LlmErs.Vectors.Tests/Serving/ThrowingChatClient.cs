using Microsoft.Extensions.AI;

namespace LlmErs.Vectors.Tests.Serving;

/// <summary>A chat client that fails any call: registered where serving runs, it proves serving never asks a model.</summary>
internal sealed class ThrowingChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Serving called a chat client.");

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Serving called a chat client.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        throw new InvalidOperationException("Serving asked a chat client for a service.");

    public void Dispose()
    {
    }
}

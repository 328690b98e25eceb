using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Images;

/// <summary>Answers every request with a fixed valid caption and keeps the user messages it received.</summary>
internal sealed class CapturingChatClient : IChatClient
{
    public ConcurrentQueue<ChatMessage> UserMessages { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var user = messages.Last(m => m.Role == ChatRole.User);
        UserMessages.Enqueue(user);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, """{"value":"A small red square."}""")));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("capturing", null, "vision-model") : null;

    public void Dispose()
    {
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>
/// A fake model that answers from a function of the first user message (the prompt) and the attempt (0 for the first
/// request, 1 after one re-ask…), and records every conversation it was sent.
/// </summary>
public sealed class ConversationChatClient(Func<string, int, string> answer) : IChatClient
{
    public ConcurrentQueue<IReadOnlyList<ChatMessage>> Conversations { get; } = new();

    /// <summary>Every request's prompt and options.</summary>
    public ConcurrentQueue<(string Prompt, ChatOptions? Options)> Requests { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Conversations.Enqueue(list);
        var prompt = list.First(m => m.Role == ChatRole.User).Text;
        Requests.Enqueue((prompt, options));
        var text = answer(prompt, list.Count(m => m.Role == ChatRole.Assistant));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = options?.ModelId ?? "fake-model",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = list.Sum(m => m.Text.Length) / 4 + 1, OutputTokenCount = text.Length / 4 + 1 },
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The enrichment engine does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, "fake-model") : null;

    public void Dispose()
    {
    }
}

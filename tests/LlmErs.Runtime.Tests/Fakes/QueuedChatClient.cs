using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>Answers with the queued texts in order and keeps every request.</summary>
public sealed class QueuedChatClient(params string[] answers) : IChatClient
{
    private readonly Queue<string> _answers = new(answers);

    public List<List<ChatMessage>> Conversations { get; } = [];

    public List<ChatOptions?> Options { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        lock (_answers)
        {
            Conversations.Add([.. messages]);
            Options.Add(options);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, _answers.Dequeue())) { FinishReason = ChatFinishReason.Stop });
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

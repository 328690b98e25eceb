using System.Text.Json;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Governance;

/// <summary>A judge that reports the planted claims: "starships" contradicts its source, "dragons" is unsupported.</summary>
internal sealed class FakeJudge : IChatClient
{
    private int _calls;

    public int Calls => _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var prompt = messages.Last(m => m.Role == ChatRole.User).Text;
        var text = prompt[prompt.IndexOf("Generated text:", StringComparison.Ordinal)..];
        var (verdict, claim) = text.Contains("starships", StringComparison.Ordinal) ? ("contradicted", "aboard starships")
            : text.Contains("dragons", StringComparison.Ordinal) ? ("unsupported", "dragons")
            : ("supported", (string?)null);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, JsonSerializer.Serialize(new { value = new { verdict, claim } }))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

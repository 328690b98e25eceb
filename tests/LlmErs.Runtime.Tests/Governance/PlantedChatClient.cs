using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Governance;

/// <summary>
/// Answers each item's prompt with the text planted for its title, and a re-ask with the planted fix when there is one
/// (the same text otherwise, as a model that will not change its mind). Counts requests per title.
/// </summary>
internal sealed class PlantedChatClient(IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, string>? fixes = null) : IChatClient
{
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    public int Calls => Requests.Values.Sum();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var prompt = list.First(m => m.Role == ChatRole.User).Text;
        var title = answers.Keys.Single(t => prompt.StartsWith($"Describe {PromptHygiene.OpenTag}{t}{PromptHygiene.CloseTag}.", StringComparison.Ordinal));
        Requests.AddOrUpdate(title, 1, (_, n) => n + 1);
        var reask = list.Count > 2;
        var text = reask && fixes is not null && fixes.TryGetValue(title, out var fix) ? fix : answers[title];
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, JsonSerializer.Serialize(new { value = text }))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace LlmErs.Redis.WorkerChild;

/// <summary>
/// A fake model with fixed latency that counts its requests in Redis, so the parent test reads every process's count
/// even after killing one. With a stall point it answers that many requests and leaves every later one waiting, so the
/// process is surely mid-run when it is killed.
/// </summary>
internal sealed class SimulatedModel(Counters counters, TimeSpan latency, int? stallAfterCalls) : IChatClient
{
    private int _started;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await counters.IncrementAsync(Counters.Started);
        if (Interlocked.Increment(ref _started) > stallAfterCalls)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await Task.Delay(latency, cancellationToken);
        var response = SchemaAnswerer.Respond(messages, options, out _);
        await counters.IncrementAsync(Counters.Answered);
        return response;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, "fake-model") : null;

    public void Dispose()
    {
    }
}

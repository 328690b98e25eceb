using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.CrashChild;

/// <summary>
/// A fake model with fixed latency that appends one line per answered request to a log file, flushed before the answer
/// is returned, so the parent test knows which calls completed even when it kills this process. With a stall point it
/// answers that many requests and leaves every later one waiting, so the parent kills a run that is surely unfinished,
/// however late it gets to run.
/// </summary>
internal sealed class LoggingChatClient(string logPath, TimeSpan latency, int? stallAfterCalls) : IChatClient
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _log = new(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
    private int _started;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _started) > stallAfterCalls)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await Task.Delay(latency, cancellationToken);
        var response = SchemaAnswerer.Respond(messages, options, out var prompt);
        lock (_gate)
        {
            _log.WriteLine($"{((ChatResponseFormatJson)options!.ResponseFormat!).SchemaName}\t{prompt.ReplaceLineEndings(" ")}");
            _log.Flush();
        }

        return response;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, "fake-model") : null;

    public void Dispose() => _log.Dispose();
}

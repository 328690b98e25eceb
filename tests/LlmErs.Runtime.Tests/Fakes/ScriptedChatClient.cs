using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>
/// An in-process <see cref="IChatClient"/> whose replies come from a <see cref="FaultScript"/>: faults surface exactly as
/// the OpenAI adapter surfaces them (ClientResultException with status and Retry-After, ErrorContent refusals, usage).
/// </summary>
public sealed class ScriptedChatClient(FaultScript? script = null, string defaultModel = "fake-model", TimeSpan latency = default) : IChatClient
{
    private readonly FaultScript _script = script ?? new FaultScript();
    private int _calls;
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Requests received, retries included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The most requests that were in progress at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public ConcurrentQueue<ChatOptions?> Options { get; } = new();

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            InterlockedMax(ref _maxInFlight, inFlight);
            return await RespondAsync(messages, options, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<ChatResponse> RespondAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var list = messages.Select(m => (m.Role.Value, m.Text)).ToList();
        var format = options?.ResponseFormat as ChatResponseFormatJson;
        var request = new FakeRequest(options?.ModelId ?? defaultModel, format?.SchemaName,
            FakeRequest.SchemaFrom(format?.Schema, list.First(m => m.Value == "system").Text), list);
        Requests.Enqueue(request);
        Options.Enqueue(options);

        var reply = _script.Decide(request);
        var wait = latency + reply.Latency;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        switch (reply.Kind)
        {
            case FakeReplyKind.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("Unreachable: an infinite delay ended.");
            case FakeReplyKind.HttpError:
                throw FakePipelineResponse.Exception(reply);
            case FakeReplyKind.NetworkError:
                throw new HttpRequestException(HttpRequestError.ConnectionError, "The connection was reset.");
            case FakeReplyKind.Refusal:
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, [new ErrorContent(reply.Text) { ErrorCode = "Refusal" }]))
                {
                    FinishReason = ChatFinishReason.Stop,
                    Usage = Usage(request, reply.Text),
                };
            default:
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply.Text))
                {
                    ModelId = request.Model,
                    FinishReason = reply.Kind == FakeReplyKind.ContentFilter ? ChatFinishReason.ContentFilter : ChatFinishReason.Stop,
                    Usage = Usage(request, reply.Text),
                };
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The enrichment engine does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, defaultModel) : null;

    public void Dispose()
    {
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current && Interlocked.CompareExchange(ref location, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    /// <summary>Token counts the fake reports: a quarter of the characters, as a rough tokenizer would.</summary>
    public static UsageDetails Usage(FakeRequest request, string answer) => new()
    {
        InputTokenCount = request.Messages.Sum(m => m.Text.Length) / 4 + 1,
        OutputTokenCount = answer.Length / 4 + 1,
    };
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace LlmErs.Benchmarks.Enrichment;

/// <summary>
/// A model with a fixed latency (none when zero) that answers every schema with a fixed valid value, so that benchmarks
/// measure the engine and not the model.
/// </summary>
internal sealed class SimulatedModel(TimeSpan latency) : IChatClient
{
    private static readonly ChatClientMetadata s_metadata = new("simulated", null, "simulated-model");
    private int _calls;
    private long _latencyTicks;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>
    /// The mean time a call actually waited: timers fire late by up to about a millisecond, so at 20 ms the model itself
    /// is a few percent slower than its nominal latency.
    /// </summary>
    public TimeSpan MeanLatency => Calls == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Volatile.Read(ref _latencyTicks) / Calls);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (latency > TimeSpan.Zero)
        {
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(latency, cancellationToken);
            Interlocked.Add(ref _latencyTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, AnswerFor(((ChatResponseFormatJson)options!.ResponseFormat!).Schema!.Value)))
        {
            Usage = new UsageDetails { InputTokenCount = 40, OutputTokenCount = 8 },
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType == typeof(ChatClientMetadata) ? s_metadata : null;

    public void Dispose()
    {
    }

    private static string AnswerFor(JsonElement schema)
    {
        var value = schema.GetProperty("properties").GetProperty("value");
        return value.GetProperty("type").ValueKind == JsonValueKind.Array ? """{"value":true}"""
            : value.GetProperty("type").GetString() == "array" ? """{"value":["garden"]}"""
            : """{"value":"A sturdy, useful product for everyday tasks."}""";
    }
}

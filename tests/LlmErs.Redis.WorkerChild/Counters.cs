using StackExchange.Redis;

namespace LlmErs.Redis.WorkerChild;

/// <summary>
/// Per-process counts in one Redis hash, <c>{role}:{process id}:{counter}</c>, which outlive a killed process. Each count is a
/// round trip to Redis, so the scaling report turns them off to keep the model's latency what it says.
/// </summary>
internal sealed class Counters(IDatabase database, string queue, string role, bool enabled)
{
    public const string Started = "started";
    public const string Answered = "answered";
    public const string Cached = "cached";

    public static RedisKey KeyOf(string queue) => $"test:{queue}:counters";

    public Task IncrementAsync(string counter) =>
        enabled ? database.HashIncrementAsync(KeyOf(queue), $"{role}:{Environment.ProcessId}:{counter}") : Task.CompletedTask;
}

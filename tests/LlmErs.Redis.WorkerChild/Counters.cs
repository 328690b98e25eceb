using StackExchange.Redis;

namespace LlmErs.Redis.WorkerChild;

/// <summary>Per-process counts in one Redis hash, <c>{role}:{process id}:{counter}</c>, which outlive a killed process.</summary>
internal sealed class Counters(IDatabase database, string queue, string role)
{
    public const string Started = "started";
    public const string Answered = "answered";
    public const string Cached = "cached";

    public static RedisKey KeyOf(string queue) => $"test:{queue}:counters";

    public Task IncrementAsync(string counter) =>
        database.HashIncrementAsync(KeyOf(queue), $"{role}:{Environment.ProcessId}:{counter}");
}

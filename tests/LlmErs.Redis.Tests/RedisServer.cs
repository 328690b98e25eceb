using StackExchange.Redis;

namespace LlmErs.Redis.Tests;

/// <summary>The Redis server of the tests, named by an environment variable, and a fresh queue name per test.</summary>
internal static class RedisServer
{
    public const string Variable = "LLMERS_REDIS";

    public static string? Address => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address ? address : null;

    public static Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync(Address ?? throw new InvalidOperationException($"{Variable} is not set."));

    /// <summary>A queue (and cache prefix) no earlier run used, so reruns against one server start clean.</summary>
    public static string NewQueueName(string test) => $"{test}-{Guid.NewGuid():N}";
}

using System.Text.Json;

namespace LlmErs.Redis.Tests;

/// <summary>Enqueueing is idempotent: a coordinator re-run, or re-run with a grown catalog, adds each item once.</summary>
public sealed class WorkQueueTests
{
    [RedisFact]
    public async Task EnqueueingAgainAddsOnlyItemsTheQueueNeverHeld()
    {
        var queue = RedisServer.NewQueueName("enqueue");
        Assert.Equal(new EnqueueResult(30, 30, 0, 0), await EnqueueAsync(queue, 30));
        Assert.Equal(new EnqueueResult(30, 0, 30, 0), await EnqueueAsync(queue, 30));
        Assert.Equal(new EnqueueResult(40, 10, 30, 0), await EnqueueAsync(queue, 40));

        await using var redis = await RedisServer.ConnectAsync();
        Assert.Equal(40, await redis.GetDatabase().StreamLengthAsync(new QueueKeys(queue).Stream));
    }

    private static async Task<EnqueueResult> EnqueueAsync(string queue, int items)
    {
        using var child = ChildProcess.Start("enqueue", queue, items);
        var lines = await child.SucceedAsync(TimeSpan.FromSeconds(60));
        return JsonSerializer.Deserialize<EnqueueResult>(lines[^1])!;
    }
}

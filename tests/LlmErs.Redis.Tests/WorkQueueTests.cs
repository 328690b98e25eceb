using Microsoft.Extensions.Options;

namespace LlmErs.Redis.Tests;

/// <summary>Enqueueing is idempotent: a coordinator re-run, or re-run with a grown catalog, adds each item once.</summary>
public sealed class WorkQueueTests
{
    [RedisFact]
    public async Task EnqueueingAgainAddsOnlyItemsTheQueueNeverHeld_AndLeavesOutItemsWithoutAUsableKey()
    {
        await using var redis = await RedisServer.ConnectAsync();
        var queue = new RedisWorkQueue(redis, Options.Create(new RedisWorkQueueOptions { Name = RedisServer.NewQueueName("enqueue") }));
        Note[] unusable = [new() { Id = " ", Text = "blank key" }, new() { Id = "note-0", Text = "repeated key" }];

        Assert.Equal(new EnqueueResult(30, 30, 0, 2), await queue.EnqueueAsync([.. Note.Catalog(30), .. unusable]));
        Assert.Equal(new EnqueueResult(30, 0, 30, 0), await queue.EnqueueAsync(Note.Catalog(30)));
        Assert.Equal(new EnqueueResult(40, 10, 30, 0), await queue.EnqueueAsync(Note.Catalog(40)));

        Assert.Equal(40, await redis.GetDatabase().StreamLengthAsync(queue.Keys.Stream));
        Assert.Equal(new WorkQueueProgress(40, 0, 0, true), await queue.GetProgressAsync());
    }

    [Fact]
    public void AQueueNameWithBracesIsRejectedWithTheReason()
    {
        using var disconnected = StackExchange.Redis.ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=100");
        var error = Assert.Throws<ArgumentException>(() => new RedisWorkQueue(disconnected, Options.Create(new RedisWorkQueueOptions { Name = "a{b}" })));
        Assert.Contains("hash tag", error.Message);
    }
}

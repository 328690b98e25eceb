using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmErs.Redis.Tests;

public sealed class WorkerTests
{
    [RedisFact]
    public async Task TwoWorkersShareTheQueue_EachItemIsAskedOnce()
    {
        await using var redis = await RedisServer.ConnectAsync();
        var (queue, cache) = Create(redis, "share");
        using var model = new FixedAnswerModel();
        using var engine = new EnrichmentEngine(model, cache, Options.Create(new EnrichmentOptions()));
        var catalog = Note.Catalog(40);
        await queue.EnqueueAsync(catalog);

        var reports = await Task.WhenAll(
            new RedisEnrichmentWorker(queue, engine, "a").RunAsync(catalog),
            new RedisEnrichmentWorker(queue, engine, "b").RunAsync(catalog));

        Assert.Equal(40, reports.Sum(r => r.Items));
        Assert.Equal(40, model.Calls);
        Assert.True((await queue.GetProgressAsync()).IsComplete);
    }

    [RedisFact]
    public async Task AWorkerWhoseCatalogLacksAQueuedItemSaysWhichAndWhatToDo()
    {
        await using var redis = await RedisServer.ConnectAsync();
        var (queue, cache) = Create(redis, "lacks");
        using var model = new FixedAnswerModel();
        using var engine = new EnrichmentEngine(model, cache, Options.Create(new EnrichmentOptions()));
        await queue.EnqueueAsync(Note.Catalog(5));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new RedisEnrichmentWorker(queue, engine).RunAsync(Note.Catalog(3)));
        Assert.Contains("'note-3'", error.Message);
        Assert.Contains("the catalog the queue was filled from", error.Message);
    }

    private static (RedisWorkQueue Queue, RedisEnrichmentCache Cache) Create(IConnectionMultiplexer redis, string test)
    {
        var name = RedisServer.NewQueueName(test);
        return (
            new RedisWorkQueue(redis, Options.Create(new RedisWorkQueueOptions { Name = name, PollInterval = TimeSpan.FromMilliseconds(20) })),
            new RedisEnrichmentCache(redis, Options.Create(new RedisEnrichmentCacheOptions { KeyPrefix = $"llmers:cache:{name}:" })));
    }
}

using System.Text.Json;
using LlmErs;
using LlmErs.Redis;
using LlmErs.Redis.WorkerChild;
using LlmErs.Runtime.CrashChild;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

// Usage: LlmErs.Redis.WorkerChild <mode> --redis host:port --queue name --items N [options]
//   enqueue  prints the JSON EnqueueResult.
//   work    --latency-ms L --concurrency C [--stall-after K] [--claim-timeout-ms T] [--max-claimed M] [--poll-ms P] [--rate-per-second R] [--consumer name] [--count-calls no]
//           prints "ready" once connected, then one JSON WorkerReport line when the queue is complete.
//   finish  --out DIR   waits for the queue, then writes the outputs through the offline pipeline over the shared cache.
//   single  --out DIR --latency-ms L --concurrency C   the same pipeline in one process, with its own SQLite cache.
if (args.Length < 1)
{
    Console.Error.WriteLine("Usage: LlmErs.Redis.WorkerChild enqueue|work|finish|single --redis host:port --queue name --items N …");
    return 2;
}

var arguments = new Arguments(args[1..]);
var queueName = arguments.Text("queue");
var catalog = Article.Catalog(arguments.Number("items")).ToList();
using var redis = await ConnectionMultiplexer.ConnectAsync(arguments.Text("redis"));
var counters = new Counters(redis.GetDatabase(), queueName, args[0], enabled: arguments.OptionalText("count-calls") != "no");
var sharedCache = new CountingCache(
    new RedisEnrichmentCache(redis, Options.Create(new RedisEnrichmentCacheOptions { KeyPrefix = $"llmers:cache:{queueName}:" })), counters);
var latency = TimeSpan.FromMilliseconds(arguments.OptionalNumber("latency-ms") ?? 0);
var concurrency = arguments.OptionalNumber("concurrency") ?? 4;
using var model = new SimulatedModel(counters, latency, arguments.OptionalNumber("stall-after"));
var queueOptions = new RedisWorkQueueOptions
{
    Name = queueName,
    ClaimIdleTimeout = TimeSpan.FromMilliseconds(arguments.OptionalNumber("claim-timeout-ms") ?? 1000),
    MaxClaimedItems = arguments.OptionalNumber("max-claimed") ?? 4 * concurrency,
    PollInterval = TimeSpan.FromMilliseconds(arguments.OptionalNumber("poll-ms") ?? 50),
};
var queue = new RedisWorkQueue(redis, Options.Create(queueOptions));

switch (args[0])
{
    case "enqueue":
        Console.WriteLine(JsonSerializer.Serialize(await queue.EnqueueAsync(catalog)));
        return 0;

    case "work":
    {
        using var limiter = arguments.OptionalNumber("rate-per-second") is { } rate
            ? new RedisRateLimiter(redis, Options.Create(new RedisRateLimiterOptions { Key = $"test:{queueName}:rate", PermitLimit = rate, Window = TimeSpan.FromSeconds(1) }))
            : null;
        var options = new EnrichmentOptions { MaxConcurrency = concurrency };
        options.Resilience.SharedRateLimiter = limiter;
        using var engine = new EnrichmentEngine(model, sharedCache, Options.Create(options));
        var worker = new RedisEnrichmentWorker(queue, engine, arguments.OptionalText("consumer"));
        Console.WriteLine("ready");
        var report = await worker.RunAsync(catalog);
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }

    case "finish":
    {
        await queue.WaitForCompletionAsync();
        return await RunPipelineAsync(sharedCache, arguments.Text("out"));
    }

    case "single":
    {
        var directory = arguments.Text("out");
        await using var cache = new SqliteEnrichmentCache(Path.Combine(directory, "cache.db"));
        return await RunPipelineAsync(cache, directory);
    }

    default:
        Console.Error.WriteLine($"Unknown mode '{args[0]}': use enqueue, work, finish or single.");
        return 2;
}

async Task<int> RunPipelineAsync(IEnrichmentCache cache, string directory)
{
    using var engine = new EnrichmentEngine(model, cache, Options.Create(new EnrichmentOptions { MaxConcurrency = concurrency }));
    var result = await ArticlePipeline.Create(engine, cache, directory).RunAsync(catalog);
    Console.WriteLine(result.Report.ToString());
    return result.Report.Enrichment.Failed == 0 ? 0 : 1;
}

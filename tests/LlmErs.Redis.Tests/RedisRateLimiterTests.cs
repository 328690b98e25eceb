using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmErs.Redis.Tests;

/// <summary>Limiters on separate connections that share a key share one limit.</summary>
public sealed class RedisRateLimiterTests
{
    [RedisFact]
    public async Task TwoLimitersOnOneKeyGrantNoMoreThanTheLimitBetweenThem()
    {
        var options = Options.Create(new RedisRateLimiterOptions { Key = $"test:{Guid.NewGuid():N}:rate", PermitLimit = 20, Window = TimeSpan.FromSeconds(1) });
        await using var firstConnection = await RedisServer.ConnectAsync();
        await using var secondConnection = await RedisServer.ConnectAsync();
        using var first = new RedisRateLimiter(firstConnection, options);
        using var second = new RedisRateLimiter(secondConnection, options);

        // 21 permits at 20 per second, evenly spaced: the last comes no sooner than a second after the first.
        var watch = Stopwatch.StartNew();
        var leases = await Task.WhenAll(Enumerable.Range(0, 21).Select(i => (i % 2 == 0 ? first : second).AcquireAsync().AsTask()));
        Assert.All(leases, l => Assert.True(l.IsAcquired));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"21 permits were granted within {watch.Elapsed.TotalMilliseconds:F0} ms.");

        Assert.Equal(11, first.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(10, second.GetStatistics()!.TotalSuccessfulLeases);
    }

    [RedisFact]
    public async Task AnAttemptBeyondTheSharedLimitIsRefusedWithTheWait()
    {
        var options = Options.Create(new RedisRateLimiterOptions { Key = $"test:{Guid.NewGuid():N}:rate", PermitLimit = 1, Window = TimeSpan.FromHours(1) });
        await using var firstConnection = await RedisServer.ConnectAsync();
        await using var secondConnection = await RedisServer.ConnectAsync();
        using var first = new RedisRateLimiter(firstConnection, options);
        using var second = new RedisRateLimiter(secondConnection, options);

        using var granted = first.AttemptAcquire();
        using var refused = second.AttemptAcquire();

        Assert.True(granted.IsAcquired);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Equal(1, second.GetStatistics()!.TotalFailedLeases);
    }

    [RedisFact]
    public async Task TheEngineTakesOnePermitPerRequestFromItsSharedLimiter()
    {
        await using var redis = await RedisServer.ConnectAsync();
        using var limiter = new RedisRateLimiter(redis, Options.Create(new RedisRateLimiterOptions { Key = $"test:{Guid.NewGuid():N}:rate", PermitLimit = 1000, Window = TimeSpan.FromSeconds(1) }));
        var options = new EnrichmentOptions();
        options.Resilience.SharedRateLimiter = limiter;
        using var model = new FixedAnswerModel();
        var cache = new RedisEnrichmentCache(redis, Options.Create(new RedisEnrichmentCacheOptions { KeyPrefix = $"test:{Guid.NewGuid():N}:" }));
        using var engine = new EnrichmentEngine(model, cache, Options.Create(options));

        var report = await engine.RunAsync(Note.Catalog(12));

        Assert.Equal(12, report.Succeeded);
        Assert.Equal(12, model.Calls);
        Assert.Equal(12, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public void ALimitWithoutPermitsIsRejectedWithTheOptionItBreaks()
    {
        // Nothing listens on port 1: the options are checked before anything is sent.
        using var disconnected = ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=100");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RedisRateLimiter(disconnected, Options.Create(new RedisRateLimiterOptions())));
        Assert.Contains("PermitLimit", error.Message);
    }
}

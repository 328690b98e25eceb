using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LlmErs.Redis.Tests;

public sealed class ServiceCollectionTests
{
    [Fact]
    public void TheRedisServicesResolveOverTheRegisteredConnection_AndNameItWhenItIsMissing()
    {
        // Nothing listens on port 1: resolving the services sends nothing.
        using var disconnected = ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=100");
        var services = new ServiceCollection()
            .AddSingleton<IChatClient>(new FixedAnswerModel())
            .AddEnrichment()
            .AddRedisEnrichmentCache(o => o.KeyPrefix = "app:")
            .AddRedisWorkQueue(o => o.Name = "catalog");
        using (var provider = services.AddSingleton<IConnectionMultiplexer>(disconnected).BuildServiceProvider())
        {
            Assert.IsType<RedisEnrichmentCache>(provider.GetRequiredService<IEnrichmentCache>());
            Assert.Equal("catalog", provider.GetRequiredService<RedisWorkQueue>().Options.Name);
            Assert.NotNull(provider.GetRequiredService<RedisEnrichmentWorker>());
        }

        using var missing = new ServiceCollection().AddRedisWorkQueue(o => o.Name = "catalog").BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => missing.GetRequiredService<RedisWorkQueue>());
        Assert.Contains(nameof(IConnectionMultiplexer), error.Message);
    }
}

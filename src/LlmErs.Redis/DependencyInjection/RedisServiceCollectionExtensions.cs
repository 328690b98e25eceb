using LlmErs;
using LlmErs.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis scale-out services over the registered <see cref="IConnectionMultiplexer"/>.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>Uses <see cref="RedisEnrichmentCache"/> as the enrichment cache, so that every worker shares it.</summary>
    public static IServiceCollection AddRedisEnrichmentCache(this IServiceCollection services, Action<RedisEnrichmentCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedisEnrichmentCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services.Replace(ServiceDescriptor.Singleton<IEnrichmentCache>(provider =>
            new RedisEnrichmentCache(Connection(provider), provider.GetRequiredService<IOptions<RedisEnrichmentCacheOptions>>())));
    }

    /// <summary>Registers the <see cref="RedisWorkQueue"/> configured by <paramref name="configure"/> and a <see cref="RedisEnrichmentWorker"/> over it and the engine.</summary>
    public static IServiceCollection AddRedisWorkQueue(this IServiceCollection services, Action<RedisWorkQueueOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisWorkQueueOptions>().Configure(configure);
        services.TryAddSingleton(provider => new RedisWorkQueue(
            Connection(provider), provider.GetRequiredService<IOptions<RedisWorkQueueOptions>>(), provider.GetService<TimeProvider>()));
        services.TryAddTransient(provider => new RedisEnrichmentWorker(
            provider.GetRequiredService<RedisWorkQueue>(), provider.GetRequiredService<EnrichmentEngine>(), loggerFactory: provider.GetService<ILoggerFactory>()));
        return services;
    }

    private static IConnectionMultiplexer Connection(IServiceProvider provider) =>
        provider.GetService<IConnectionMultiplexer>() ?? throw new InvalidOperationException(
            $"The Redis services need an {nameof(IConnectionMultiplexer)}: register one first, e.g. services.AddSingleton<IConnectionMultiplexer>(ConnectionMultiplexer.Connect(\"127.0.0.1:6379\")).");
}

using LlmErs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the LlmErs enrichment engine and its cache.</summary>
public static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EnrichmentEngine"/> as a singleton over the registered <see cref="IChatClient"/>, with the
    /// embedded SQLite cache unless another <see cref="IEnrichmentCache"/> is registered.
    /// </summary>
    public static IServiceCollection AddEnrichment(this IServiceCollection services, Action<EnrichmentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EnrichmentOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IEnrichmentCache>(provider =>
            new SqliteEnrichmentCache(provider.GetRequiredService<IOptions<SqliteEnrichmentCacheOptions>>().Value));
        services.TryAddSingleton(provider => new EnrichmentEngine(
            provider.GetService<IChatClient>() ?? throw new InvalidOperationException(
                $"{nameof(EnrichmentEngine)} needs an {nameof(IChatClient)}: register one first, e.g. services.AddChatClient(…)."),
            provider.GetRequiredService<IEnrichmentCache>(),
            provider.GetRequiredService<IOptions<EnrichmentOptions>>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>()));
        return services;
    }

    /// <summary>Uses the embedded SQLite cache configured by <paramref name="configure"/> (e.g. its file path).</summary>
    public static IServiceCollection AddSqliteEnrichmentCache(this IServiceCollection services, Action<SqliteEnrichmentCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services.Replace(ServiceDescriptor.Singleton<IEnrichmentCache>(provider =>
            new SqliteEnrichmentCache(provider.GetRequiredService<IOptions<SqliteEnrichmentCacheOptions>>().Value)));
    }

    /// <summary>Uses the registered <see cref="IDistributedCache"/> (Redis, SQL Server, …) as the cache, so that many workers share it.</summary>
    public static IServiceCollection AddDistributedEnrichmentCache(this IServiceCollection services, Action<DistributedEnrichmentCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DistributedEnrichmentCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services.Replace(ServiceDescriptor.Singleton<IEnrichmentCache>(provider => new DistributedEnrichmentCache(
            provider.GetService<IDistributedCache>() ?? throw new InvalidOperationException(
                $"{nameof(DistributedEnrichmentCache)} needs an {nameof(IDistributedCache)}: register one first, e.g. services.AddStackExchangeRedisCache(…)."),
            provider.GetRequiredService<IOptions<DistributedEnrichmentCacheOptions>>())));
    }
}

using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task TheEngineResolvesWithTheConfiguredSqliteCache_AndRuns()
    {
        using var directory = new TempDirectory();
        var client = new ScriptedChatClient();
        var services = new ServiceCollection();
        services.AddChatClient(client);
        services.AddEnrichment(o => o.MaxConcurrency = 3).AddSqliteEnrichmentCache(o => o.Path = directory.File("cache.db"));

        await using (var provider = services.BuildServiceProvider())
        {
            var engine = provider.GetRequiredService<EnrichmentEngine>();
            var report = await engine.RunAsync(Book.Catalog(2));

            Assert.Equal(2, report.Succeeded);
            Assert.Equal(directory.File("cache.db"), Assert.IsType<SqliteEnrichmentCache>(provider.GetRequiredService<IEnrichmentCache>()).Path);
        }

        Assert.Equal(8, client.Calls);
    }

    [Fact]
    public async Task TheDistributedCacheReplacesTheDefault()
    {
        var services = new ServiceCollection();
        services.AddChatClient(new ScriptedChatClient());
        await using var provider = services
            .AddDistributedMemoryCache()
            .AddEnrichment()
            .AddDistributedEnrichmentCache(o => o.KeyPrefix = "x:")
            .BuildServiceProvider();

        Assert.IsType<DistributedEnrichmentCache>(provider.GetRequiredService<IEnrichmentCache>());
        Assert.NotNull(provider.GetRequiredService<EnrichmentEngine>());
    }

    [Fact]
    public async Task AMissingChatClientIsAClearError()
    {
        using var directory = new TempDirectory();
        await using var provider = new ServiceCollection()
            .AddEnrichment()
            .AddSqliteEnrichmentCache(o => o.Path = directory.File("cache.db"))
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<EnrichmentEngine>());

        Assert.Contains("needs an IChatClient", error.Message, StringComparison.Ordinal);
    }
}

using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Runtime.Tests.Governance;
using Microsoft.Extensions.Options;
using Xunit;

namespace LlmErs.Runtime.Tests.Caching;

/// <summary>Two pipeline runs in one process over one SQLite cache file: the second must be served from the cache alone.</summary>
public sealed class PipelineRerunCacheTests
{
    private static readonly Dictionary<string, string> Answers =
        Enumerable.Range(0, 60).ToDictionary(i => $"Title{i:D2}", i => $"A quiet story number {i} for patient viewers.");

    [Fact]
    public async Task ASecondRunOnTheSameCacheInstance_MakesNoModelOrEmbeddingCall()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        var first = new PlantedChatClient(Answers);
        await RunAsync(directory, cache, first, new FakeEmbeddings(4));

        var second = new PlantedChatClient(Answers);
        var embeddings = new FakeEmbeddings(4);
        var result = await RunAsync(directory, cache, second, embeddings);

        Assert.Equal(Answers.Count, first.Calls);
        Assert.Equal(0, second.Calls);
        Assert.Equal(0, embeddings.Calls);
        Assert.Equal(Answers.Count, result.Report.Enrichment.Fields.Single().Cached);
    }

    [Fact]
    public async Task ASecondRunRightAfterTheFirst_OverTheCatalogInAnotherOrder_MakesNoModelCall()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        await GovernanceRun.RunAsync(directory, cache, new PlantedChatClient(Answers), GovernanceRun.Items(Answers.Keys));

        // The items written last are looked up first, while the readers still hold the snapshots of the first run's lookups.
        var second = new PlantedChatClient(Answers);
        await GovernanceRun.RunAsync(directory, cache, second, GovernanceRun.Items(Answers.Keys.Reverse()));

        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public async Task ASecondCacheInstanceOpenedBesideTheFirst_SeesEveryEntryTheFirstRunWrote()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        await RunAsync(directory, cache, new PlantedChatClient(Answers), new FakeEmbeddings(4));

        await using var beside = new SqliteEnrichmentCache(directory.File("cache.db"));
        var second = new PlantedChatClient(Answers);
        var embeddings = new FakeEmbeddings(4);
        await RunAsync(directory, beside, second, embeddings);

        Assert.Equal((0, 0), (second.Calls, embeddings.Calls));
    }

    private static async Task<OfflinePipelineResult<IndexedScreening>> RunAsync(
        TempDirectory directory, SqliteEnrichmentCache cache, PlantedChatClient client, FakeEmbeddings embeddings)
    {
        using var engine = TestEngines.Create(client, cache, o => o.ModelId = "planted");
        var options = new OfflinePipelineOptions { OutputDirectory = directory.File("out") };
        IndexedScreening[] items = [.. Answers.Keys.Select((title, i) => new IndexedScreening { Id = $"s{i:D2}", Title = title })];
        return await new OfflinePipeline<IndexedScreening>(engine, cache, Options.Create(options), embeddings).RunAsync(items);
    }
}

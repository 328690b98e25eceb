using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

public sealed class CacheRerunTests
{
    private const int Items = 12;

    [Fact]
    public async Task ARerunOverTheSameCatalogMakesNoCalls_AndYieldsTheSameValues()
    {
        using var directory = new TempDirectory();
        var first = await RunAsync(Book.Catalog(Items), directory.File("cache.db"));
        var second = await RunAsync(Book.Catalog(Items), directory.File("cache.db"));

        Assert.Equal(Items * 4, first.Calls);
        Assert.Equal(0, second.Calls);
        Assert.Equal(Items * 4, second.Report.CacheHits);
        Assert.Equal(0, second.Report.Tokens.TotalTokens);
        Assert.Equal(Snapshot(first.Items), Snapshot(second.Items));
    }

    [Fact]
    public async Task ANewVocabularyReEnrichesOnlyThatFieldAndTheFieldsThatReadIt()
    {
        using var directory = new TempDirectory();
        var books = await RunAsync(Book.Catalog(Items), directory.File("cache.db"));
        var retagged = await RunAsync(
            Book.Catalog(Items).Select(b => new BookWithPoetry { Id = b.Id, Title = b.Title, Description = b.Description }).ToList(),
            directory.File("cache.db"));

        var changedGenres = books.Items.Zip(retagged.Items).Count(pair => !pair.First.Genres.SequenceEqual(pair.Second.Genres));
        Assert.InRange(changedGenres, 1, Items);
        Assert.Equal(0, retagged.CallsFor("Summary"));
        Assert.Equal(0, retagged.CallsFor("ForChildren"));
        Assert.Equal(Items, retagged.CallsFor("Genres"));
        Assert.Equal(changedGenres, retagged.CallsFor("Blurb"));
    }

    [Fact]
    public async Task ANewTemplateReEnrichesOnlyThatField()
    {
        using var directory = new TempDirectory();
        await RunAsync(Book.Catalog(Items), directory.File("cache.db"));
        var resummarized = await RunAsync(
            Book.Catalog(Items).Select(b => new BookResummarized { Id = b.Id, Title = b.Title, Description = b.Description }).ToList(),
            directory.File("cache.db"));

        Assert.Equal(Items, resummarized.Calls);
        Assert.Equal(Items, resummarized.CallsFor("Summary"));
    }

    [Fact]
    public async Task ANewModelForOneFieldReEnrichesOnlyThatField()
    {
        using var directory = new TempDirectory();
        await RunAsync(Book.Catalog(Items), directory.File("cache.db"));
        var rerun = await RunAsync(Book.Catalog(Items), directory.File("cache.db"), o => o.FieldModels["ForChildren"] = "bigger-model");

        Assert.Equal(Items, rerun.Calls);
        Assert.All(rerun.Client.Requests, r => Assert.Equal(("ForChildren", "bigger-model"), (r.Field, r.Model)));
    }

    [Fact]
    public async Task AnswerAffectingChatOptionsArePartOfTheKey()
    {
        using var directory = new TempDirectory();
        await RunAsync(Book.Catalog(2), directory.File("cache.db"), o => o.ChatOptions = new() { Temperature = 0 });
        var same = await RunAsync(Book.Catalog(2), directory.File("cache.db"), o => o.ChatOptions = new() { Temperature = 0 });
        var warmer = await RunAsync(Book.Catalog(2), directory.File("cache.db"), o => o.ChatOptions = new() { Temperature = 0.7f });

        Assert.Equal(0, same.Calls);
        Assert.Equal(2 * 4, warmer.Calls);
    }

    [Fact]
    public async Task ACorruptEntryIsReportedAndRecomputed()
    {
        using var directory = new TempDirectory();
        var path = directory.File("cache.db");
        var first = await RunAsync(Book.Catalog(3), path);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE answers SET entry = CAST(substr(entry, 1, length(entry) - 2) || X'0000' AS BLOB) WHERE key = (SELECT min(key) FROM answers)";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var logs = new CapturingLoggerFactory();
        var second = await RunAsync(Book.Catalog(3), path, logs: logs);

        Assert.Equal(1, second.Calls);
        Assert.Equal(1, second.Report.RecomputedCacheEntries);
        Assert.Equal(3 * 4 - 1, second.Report.CacheHits);
        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Warning && m.Message.Contains("checksum", StringComparison.Ordinal));
        Assert.Equal(Snapshot(first.Items), Snapshot(second.Items));
        Assert.Equal(0, (await RunAsync(Book.Catalog(3), path)).Calls);
    }

    [Fact]
    public async Task TheDistributedBackendIsSharedByEngines()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var first = new ScriptedChatClient();
        var second = new ScriptedChatClient();

        using (var engine = TestEngines.Create(first, new DistributedEnrichmentCache(shared)))
        {
            await engine.RunAsync(Book.Catalog(Items));
        }

        using (var engine = TestEngines.Create(second, new DistributedEnrichmentCache(shared)))
        {
            await engine.RunAsync(Book.Catalog(Items));
        }

        Assert.Equal((Items * 4, 0), (first.Calls, second.Calls));
    }

    internal static async Task<Run<T>> RunAsync<T>(
        List<T> items, string cachePath, Action<EnrichmentOptions>? configure = null, ILoggerFactory? logs = null)
        where T : IEnrichable<T>
    {
        var client = new ScriptedChatClient();
        await using var cache = new SqliteEnrichmentCache(cachePath);
        using var engine = new EnrichmentEngine(client, cache, Options.Create(TestEngines.FastOptions(configure)), logs);
        var report = await engine.RunAsync(items);
        return new Run<T>(items, client, report);
    }

    private static string Snapshot(IEnumerable<Book> books) =>
        string.Join('\n', books.Select(b => $"{b.Id}|{b.Summary}|{string.Join(',', b.Genres)}|{b.ForChildren}|{b.Blurb}"));

    internal sealed record Run<T>(List<T> Items, ScriptedChatClient Client, EnrichmentReport Report)
    {
        public int Calls => Client.Calls;

        public int CallsFor(string field) => Client.Requests.Count(r => r.Field == field);
    }
}

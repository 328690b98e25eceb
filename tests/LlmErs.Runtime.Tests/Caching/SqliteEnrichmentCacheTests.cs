using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LlmErs.Runtime.Tests.Caching;

public sealed class SqliteEnrichmentCacheTests
{
    [Fact]
    public async Task AnEntryIsVisibleToOtherConnectionsAsSoonAsSetCompletes_AndSurvivesReopening()
    {
        using var directory = new TempDirectory();
        var path = directory.File("cache.db");
        var key = Key("a");

        await using (var cache = new SqliteEnrichmentCache(path))
        {
            await cache.SetAsync(key, CachedText.Bytes("{\"value\":\"é\"}"));
            Assert.Equal(1, CountRows(path));
        }

        await using var reopened = new SqliteEnrichmentCache(path);
        var hit = await reopened.GetAsync(key);
        Assert.Equal(CacheLookupStatus.Hit, hit.Status);
        Assert.Equal("{\"value\":\"é\"}", CachedText.Of(hit));
        Assert.Equal(CacheLookupStatus.Miss, (await reopened.GetAsync(Key("b"))).Status);
    }

    [Fact]
    public async Task ALookupRightAfterAWrite_SeesIt_EvenOnAPooledReaderWhoseSnapshotIsOlder()
    {
        using var directory = new TempDirectory();
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));

        // The miss leaves the pooled reader with an open snapshot taken before the write.
        Assert.Equal(CacheLookupStatus.Miss, (await cache.GetAsync(Key("a"))).Status);
        await cache.SetAsync(Key("a"), CachedText.Bytes("{\"value\":1}"));

        Assert.Equal(CacheLookupStatus.Hit, (await cache.GetAsync(Key("a"))).Status);
    }

    [Fact]
    public async Task ConcurrentWritesAreAllCommitted()
    {
        using var directory = new TempDirectory();
        var path = directory.File("cache.db");
        await using var cache = new SqliteEnrichmentCache(new SqliteEnrichmentCacheOptions { Path = path, MaxEntriesPerCommit = 16 });

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => cache.SetAsync(Key($"k{i}"), CachedText.Bytes($"{{\"value\":{i}}}")).AsTask()));

        Assert.Equal(300, CountRows(path));
        for (var i = 0; i < 300; i += 37)
        {
            Assert.Equal($"{{\"value\":{i}}}", CachedText.Of(await cache.GetAsync(Key($"k{i}"))));
        }
    }

    [Theory]
    [InlineData("flip", "checksum")]
    [InlineData("truncate", "shorter than")]
    [InlineData("format", "format")]
    [InlineData("format 1", "format 1, expected 2")]
    [InlineData("move", "checksum")]
    [InlineData("text", "not as bytes")]
    public async Task ADamagedEntryIsReportedCorrupt(string damage, string problem)
    {
        using var directory = new TempDirectory();
        var path = directory.File("cache.db");
        await using var cache = new SqliteEnrichmentCache(path);
        await cache.SetAsync(Key("a"), CachedText.Bytes("{\"value\":true}"));

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = damage switch
            {
                "flip" => "UPDATE answers SET entry = CAST(substr(entry, 1, length(entry) - 1) || X'21' AS BLOB)",
                "truncate" => "UPDATE answers SET entry = substr(entry, 1, 5)",
                "format" => "UPDATE answers SET entry = CAST(X'09' || substr(entry, 2) AS BLOB)",
                // The format before entries were bytes: read as corrupt, so the answer is recomputed, never misread.
                "format 1" => "UPDATE answers SET entry = CAST(X'01' || substr(entry, 2) AS BLOB)",
                "text" => "UPDATE answers SET entry = 'not bytes'",
                _ => "UPDATE answers SET key = $other",
            };
            command.Parameters.AddWithValue("$other", Key("b").Bytes.ToArray());
            command.ExecuteNonQuery();
        }

        var lookup = await cache.GetAsync(damage == "move" ? Key("b") : Key("a"));

        Assert.Equal(CacheLookupStatus.Corrupt, lookup.Status);
        Assert.Contains(problem, lookup.Problem, StringComparison.Ordinal);
        Assert.True(lookup.Value.IsEmpty);
    }

    [Fact]
    public async Task OnceWritesPause_TheDatabaseFileAloneHoldsThem_EvenWithAnIdleReaderKeepingASnapshot()
    {
        using var directory = new TempDirectory();
        var path = directory.File("cache.db");
        await using var cache = new SqliteEnrichmentCache(path);

        // The lookup leaves a pooled reader with an open snapshot, older than every write below.
        Assert.Equal(CacheLookupStatus.Miss, (await cache.GetAsync(Key("none"))).Status);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => cache.SetAsync(Key($"k{i}"), CachedText.Bytes($"{{\"value\":{i}}}")).AsTask()));

        // A copy of the database file without its write-ahead log shows what has been checkpointed into the file.
        var copy = directory.File("copy.db");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        long rows;
        do
        {
            await Task.Delay(100);
            File.Copy(path, copy, overwrite: true);
            rows = CheckpointedRows(copy);
        }
        while (rows < 50 && DateTime.UtcNow < deadline);

        Assert.Equal(50, rows);
        Assert.Equal("{\"value\":7}", CachedText.Of(await cache.GetAsync(Key("k7"))));
    }

    [Fact]
    public async Task UsingADisposedCacheThrows()
    {
        using var directory = new TempDirectory();
        var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        await cache.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => cache.GetAsync(Key("a")).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cache.SetAsync(Key("a"), CachedText.Bytes("{}")).AsTask());
    }

    internal static CacheKey Key(string text) => CacheKeyPrefix.Create("fingerprint", "model", "options", []).Complete("user", text);

    private static long CheckpointedRows(string path)
    {
        try
        {
            return CountRows(path);
        }
        catch (SqliteException)
        {
            // Not even the table has reached the file yet.
            return 0;
        }
    }

    private static long CountRows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM answers";
        return (long)command.ExecuteScalar()!;
    }
}

using System.Buffers.Binary;
using System.Text;
using LlmErs;
using LlmErs.Runtime.Tests.Embeddings;
using LlmErs.Runtime.Tests.Enrichment;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LlmErs.Runtime.Tests.Caching;

/// <summary>What the cache file holds after the codec's header: the raw bytes, with no text encoding of them.</summary>
public sealed class StoredPayloadTests
{
    // The codec's header: a format byte and a 16-byte checksum.
    private const int HeaderSize = 17;
    private const byte Format = 2;

    [Fact]
    public async Task AVectorIsStoredAsDimensionsTimesFourBytesOfLittleEndianFloats()
    {
        using var directory = new TempDirectory();
        var path = directory.File("cache.db");
        var songs = new List<Song> { new() { Id = "s1", Title = "One" } };
        await using (var cache = new SqliteEnrichmentCache(path))
        {
            await new EmbeddingStage(new FakeEmbeddings(dimensions: 4), cache).EmbedAsync(songs);
        }

        var entry = Assert.Single(Entries(path));
        Assert.Equal(Format, entry[0]);
        Assert.Equal(HeaderSize + 4 * sizeof(float), entry.Length);
        var stored = Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(entry.AsSpan(HeaderSize + i * sizeof(float)))).ToArray();
        Assert.Equal(songs[0].Sound.ToArray(), stored);
    }

    [Fact]
    public async Task AnAnswerIsStoredAsItsUtf8Json()
    {
        using var directory = new TempDirectory();
        var path = directory.File("cache.db");
        var run = await CacheRerunTests.RunAsync(Book.Catalog(1), path);

        var book = run.Items[0];
        var expected = global::LlmErs.EnrichmentModel.Of<Book>().LlmFields.Select(field => Encoding.UTF8.GetBytes(field.FormatAnswer(book))).ToList();
        var stored = Entries(path);
        Assert.All(stored, entry => Assert.Equal(Format, entry[0]));
        Assert.Equal(
            expected.Select(Convert.ToHexString).Order(),
            stored.Select(entry => Convert.ToHexString(entry.AsSpan(HeaderSize))).Order());
    }

    private static List<byte[]> Entries(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry FROM answers";
        using var reader = command.ExecuteReader();
        var entries = new List<byte[]>();
        while (reader.Read())
        {
            entries.Add((byte[])reader[0]);
        }

        return entries;
    }
}

using LlmErs.Local;
using LlmErs.Quickstart.MovieLens;
using LlmErs.Samples.Catalog;

namespace LlmErs.Samples.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class MovieEmbeddingsTests
{
    [Fact]
    public async Task ACachedFileThatCannotBeRead_IsEmbeddedAgain_AndTheRerunReadsTheNewFile()
    {
        using var directory = new TempDirectory();
        using var generator = new MiniLmEmbeddingGenerator();
        Movie[] movies =
        [
            new() { Id = "1", Title = "Toy Story", Year = 1995, Genres = ["Animation", "Children"] },
            new() { Id = "2", Title = "Heat", Year = 1995, Genres = ["Action", "Crime"] },
        ];

        float[] first;
        using (var store = await MovieEmbeddings.LoadOrCreateAsync(movies, generator, directory.Path, CancellationToken.None))
        {
            first = store.GetVector("2").ToArray();
        }

        // A damaged file, or one written in an older format, must not stop the sample: it is a cache.
        var path = Assert.Single(Directory.GetFiles(directory.Path, "*.vec"));
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        using (var store = await MovieEmbeddings.LoadOrCreateAsync(movies, generator, directory.Path, CancellationToken.None))
        {
            Assert.Equal(first, store.GetVector("2").ToArray());
        }

        Assert.Equal(bytes.Length, new FileInfo(path).Length);
        Assert.NotEqual(bytes, File.ReadAllBytes(path));
    }
}

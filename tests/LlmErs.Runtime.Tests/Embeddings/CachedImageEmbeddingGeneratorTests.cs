using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Runtime.Tests.Images;
using LlmErs.Tests;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Embeddings;

public sealed class CachedImageEmbeddingGeneratorTests
{
    [Fact]
    public async Task A_rerun_on_the_same_cache_file_embeds_only_the_images_it_has_not_seen()
    {
        using var folder = new TempDirectory();
        DataContent[] images = [Png(1, 2, 3), Png(4, 5, 6)];
        float[][] before;
        await using (var cache = new SqliteEnrichmentCache(folder.File("cache.db")))
        {
            before = [.. (await new CachedImageEmbeddingGenerator(new ByteImageGenerator(), cache).GenerateAsync(images)).Select(e => e.Vector.ToArray())];
        }

        var inner = new ByteImageGenerator();
        await using (var cache = new SqliteEnrichmentCache(folder.File("cache.db")))
        {
            // The second image with one byte changed, and the same bytes as another media type, are other images.
            var after = await new CachedImageEmbeddingGenerator(inner, cache).GenerateAsync(
                [images[1], Png(4, 5, 7), images[0], new DataContent(images[0].Data, "image/jpeg")]);

            Assert.Equal([before[1], [4, 5, 7], before[0], [1, 2, 3]], after.Select(e => e.Vector.ToArray()));
        }

        Assert.Equal([[.. Png(4, 5, 7).Data.ToArray()], [.. images[0].Data.ToArray()]], inner.Embedded);
    }

    [Fact]
    public async Task A_model_that_returns_a_vector_too_few_is_an_error_naming_it()
    {
        var generator = new CachedImageEmbeddingGenerator(new DroppingImageGenerator(), new MemoryCache());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync([Png(1, 2, 3), Png(4, 5, 6)]));

        Assert.Contains("'dropping' returned 1 vector(s) for 2 images", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CachedImageEmbeddingGenerator(new DroppingImageGenerator(modelId: null), new MemoryCache()));
    }

    private static DataContent Png(params byte[] tail)
    {
        byte[] bytes = [0x89, (byte)'P', (byte)'N', (byte)'G', .. tail];
        return new DataContent(bytes, "image/png");
    }

    private sealed class DroppingImageGenerator(string? modelId = "dropping") : IEmbeddingGenerator<DataContent, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<DataContent> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>([.. values.Skip(1).Select(_ => new Embedding<float>(new float[] { 1 }))]));

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("dropping", null, modelId, 1) : null;

        public void Dispose()
        {
        }
    }
}

using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Tests;

namespace LlmErs.Runtime.Tests.Embeddings;

public sealed class CachedEmbeddingGeneratorTests
{
    [Fact]
    public async Task A_text_seen_before_is_not_embedded_again_and_gets_the_same_vector_bit_for_bit()
    {
        var inner = new FakeEmbeddings(dimensions: 4);
        var generator = new CachedEmbeddingGenerator(inner, new MemoryCache());

        var first = await generator.GenerateAsync(["a", "bb", "ccc"]);
        var second = await generator.GenerateAsync(["ccc", "dddd", "a", "e"]);

        Assert.Equal([["a", "bb", "ccc"], ["dddd", "e"]], inner.CallTexts);
        Assert.Equal(FakeEmbeddings.Raw("ccc", 4), second[0].Vector.ToArray());
        Assert.Equal(FakeEmbeddings.Raw("dddd", 4), second[1].Vector.ToArray());
        Assert.Equal(first[0].Vector.ToArray(), second[2].Vector.ToArray());
        Assert.Equal(FakeEmbeddings.Raw("e", 4), second[3].Vector.ToArray());
    }

    [Fact]
    public async Task A_rerun_on_the_same_cache_file_embeds_nothing()
    {
        using var folder = new TempDirectory();
        string[] texts = ["the answer", "its prompt", "another answer"];
        float[][] before;
        await using (var cache = new SqliteEnrichmentCache(folder.File("cache.db")))
        {
            before = [.. (await new CachedEmbeddingGenerator(new FakeEmbeddings(dimensions: 4), cache).GenerateAsync(texts)).Select(e => e.Vector.ToArray())];
        }

        var inner = new FakeEmbeddings(dimensions: 4);
        await using (var cache = new SqliteEnrichmentCache(folder.File("cache.db")))
        {
            var after = await new CachedEmbeddingGenerator(inner, cache).GenerateAsync(texts);
            Assert.Equal(before, after.Select(e => e.Vector.ToArray()));
        }

        Assert.Equal(0, inner.Calls);
    }

    [Fact]
    public async Task Another_model_does_not_read_the_vectors()
    {
        var cache = new MemoryCache();
        await new CachedEmbeddingGenerator(new FakeEmbeddings(dimensions: 4, modelId: "one"), cache).GenerateAsync(["text"]);
        var other = new FakeEmbeddings(dimensions: 4, modelId: "two");

        await new CachedEmbeddingGenerator(other, cache).GenerateAsync(["text"]);

        Assert.Equal(1, other.Calls);
        Assert.Throws<ArgumentException>(() => new CachedEmbeddingGenerator(new FakeEmbeddings(dimensions: 4, modelId: null), cache));
    }
}

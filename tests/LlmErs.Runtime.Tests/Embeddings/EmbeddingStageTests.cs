using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Embeddings;

[Enrichable]
public partial class Song
{
    [ItemKey] public required string Id { get; init; }

    public required string Title { get; set; }

    [Embedding("Song: {{ title }}", Dimensions = 4)]
    public partial ReadOnlyMemory<float> Sound { get; set; }
}

public sealed class EmbeddingStageTests
{
    private static List<Song> Songs(int count) =>
        Enumerable.Range(0, count).Select(i => new Song { Id = $"s{i}", Title = $"Title {i}" }).ToList();

    [Fact]
    public async Task Sets_unit_vectors_from_the_rendered_text_in_batches()
    {
        var generator = new FakeEmbeddings(dimensions: 4);
        var songs = Songs(70);

        var report = await new EmbeddingStage(generator, new MemoryCache(), new EmbeddingStageOptions { BatchSize = 32 }).EmbedAsync(songs);

        Assert.Equal(3, generator.Calls);
        Assert.Equal(new EmbeddingReport(70, 0, 3, report.WallTime), report);
        Assert.Equal("Song: Title 5", generator.Texts[5]);
        Assert.All(songs, s => Assert.Equal(1.0, Math.Sqrt(s.Sound.ToArray().Sum(v => (double)v * v)), 5));
        Assert.Equal(FakeEmbeddings.Raw("Song: Title 5", 4).Select(v => v / Norm(FakeEmbeddings.Raw("Song: Title 5", 4))), songs[5].Sound.ToArray().Select(v => (double)v), new ToleranceComparer(1e-6));
    }

    [Fact]
    public async Task Texts_go_to_the_model_sorted_by_length_and_each_item_gets_its_own_vector()
    {
        var generator = new FakeEmbeddings(dimensions: 4);
        var songs = Enumerable.Range(0, 11).Select(i => new Song { Id = $"s{i}", Title = new string((char)('a' + i), (i * 7 % 11) + 1) }).ToList();

        await new EmbeddingStage(generator, new MemoryCache(), new EmbeddingStageOptions { BatchSize = 3 }).EmbedAsync(songs);

        Assert.Equal(4, generator.Calls);
        Assert.Equal(generator.Texts.OrderBy(t => t.Length), generator.Texts);
        foreach (var song in songs)
        {
            var raw = FakeEmbeddings.Raw($"Song: {song.Title}", 4);
            Assert.Equal(raw.Select(v => v / Norm(raw)), song.Sound.ToArray().Select(v => (double)v), new ToleranceComparer(1e-6));
        }
    }

    [Fact]
    public async Task Texts_the_model_cut_to_its_window_are_counted_in_the_report()
    {
        var songs = Songs(40);
        songs[3].Title = songs[17].Title = new string('x', 200);

        var report = await new EmbeddingStage(new FakeEmbeddings(dimensions: 4) { WindowLength = 100 }, new MemoryCache(), new EmbeddingStageOptions { BatchSize = 16 }).EmbedAsync(songs);

        Assert.Equal(2, report.TruncatedTexts);
        Assert.Equal(0, (await new EmbeddingStage(new FakeEmbeddings(dimensions: 4), new MemoryCache()).EmbedAsync(Songs(5))).TruncatedTexts);
    }

    [Fact]
    public async Task A_rerun_reads_the_cache_and_re_embeds_only_changed_texts()
    {
        var cache = new MemoryCache();
        var songs = Songs(10);
        await new EmbeddingStage(new FakeEmbeddings(4), cache).EmbedAsync(songs);
        var before = songs.Select(s => s.Sound.ToArray()).ToList();

        var generator = new FakeEmbeddings(4);
        var again = Songs(10);
        again[3].Title = "Changed";
        var report = await new EmbeddingStage(generator, cache).EmbedAsync(again);

        Assert.Equal(9, report.CacheHits);
        Assert.Equal(["Song: Changed"], generator.Texts);
        Assert.Equal(before[0], again[0].Sound.ToArray());
        Assert.NotEqual(before[3], again[3].Sound.ToArray());
    }

    [Fact]
    public async Task Vectors_of_another_model_are_not_reused()
    {
        var cache = new MemoryCache();
        await new EmbeddingStage(new FakeEmbeddings(4, "model-a"), cache).EmbedAsync(Songs(3));

        var other = new FakeEmbeddings(4, "model-b");
        await new EmbeddingStage(other, cache).EmbedAsync(Songs(3));

        Assert.Equal(3, other.Texts.Count);
    }

    [Fact]
    public async Task A_dimension_mismatch_names_the_field_and_both_sizes()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new EmbeddingStage(new FakeEmbeddings(dimensions: 8), new MemoryCache()).EmbedAsync(Songs(2)));

        Assert.Contains("Song.Sound", error.Message);
        Assert.Contains("Dimensions = 4", error.Message);
        Assert.Contains("returns 8-dimensional vectors", error.Message);
    }

    [Fact]
    public void A_generator_without_a_model_id_needs_one_in_the_options()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmbeddingStage(new FakeEmbeddings(4, modelId: null), new MemoryCache()));
        Assert.Contains("EmbeddingStageOptions.ModelId", error.Message);

        _ = new EmbeddingStage(new FakeEmbeddings(4, modelId: null), new MemoryCache(), new EmbeddingStageOptions { ModelId = "named" });
    }

    private static double Norm(IEnumerable<float> vector) => Math.Sqrt(vector.Sum(v => (double)v * v));

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}

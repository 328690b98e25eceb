using System.Numerics.Tensors;
using LlmErs.Samples.Catalog.Synthetic;
using Microsoft.Extensions.AI;
using Xunit;
using Xunit.Abstractions;

namespace LlmErs.Local.Tests.Images;

public sealed class ResNet18ImageEmbeddingGeneratorTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<byte[]> Posters = SyntheticCatalog.Generate(movies: 12, viewers: 4, seed: 7).PaintPosters();

    [ResNet18Fact]
    public async Task APosterEmbedsTo512NormalizedValues_TheSameOnEveryRun()
    {
        using var generator = new ResNet18ImageEmbeddingGenerator(new ResNet18ImageEmbeddingGeneratorOptions { Threads = 2 });
        DataContent[] images = [.. Posters.Take(4).Select(p => new DataContent(p, "image/png"))];

        var first = await generator.GenerateAsync(images);
        var second = await generator.GenerateAsync(Enumerable.Reverse(images));

        Assert.Equal(4, first.Count);
        Assert.Equal(ResNet18ImageEmbeddingGenerator.ModelId, generator.Metadata.DefaultModelId);
        foreach (var embedding in first)
        {
            Assert.Equal(ResNet18ImageEmbeddingGenerator.Dimensions, embedding.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(embedding.Vector.Span), 4);
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(first[i].Vector.ToArray(), second[3 - i].Vector.ToArray());
        }
    }

    [ResNet18Fact]
    public async Task PostersOfOneThemeAreCloserThanPostersOfDifferentThemes()
    {
        // The catalog deals themes round-robin: posters 0 and 6 share a theme (space), as do 1 and 7 (sea).
        using var generator = new ResNet18ImageEmbeddingGenerator(new ResNet18ImageEmbeddingGeneratorOptions { Threads = 2 });
        var vectors = await generator.GenerateAsync([.. new[] { 0, 6, 1, 7 }.Select(i => new DataContent(Posters[i], "image/png"))]);
        float Cosine(int a, int b) => TensorPrimitives.Dot(vectors[a].Vector.Span, vectors[b].Vector.Span);

        Assert.True(Cosine(0, 1) > Cosine(0, 2), $"space-space {Cosine(0, 1)} vs space-sea {Cosine(0, 2)}");
        Assert.True(Cosine(2, 3) > Cosine(1, 3), $"sea-sea {Cosine(2, 3)} vs space-sea {Cosine(1, 3)}");
    }

    [ResNet18Fact]
    public async Task ThePosterVectorsRecoverTheLatentTheme_NearestNeighbourAccuracy()
    {
        // 60 posters, 10 per theme (themes are dealt round-robin): each poster's nearest other poster by cosine should
        // share its theme far more often than the 1 in 6 of chance.
        var catalog = SyntheticCatalog.Generate(movies: 60, viewers: 4, seed: 7);
        using var generator = new ResNet18ImageEmbeddingGenerator(new ResNet18ImageEmbeddingGeneratorOptions { Threads = 2 });
        var vectors = await generator.GenerateAsync([.. catalog.PaintPosters().Select(p => new DataContent(p, "image/png"))]);

        var hits = 0;
        for (var i = 0; i < vectors.Count; i++)
        {
            var nearest = Enumerable.Range(0, vectors.Count).Where(j => j != i)
                .MaxBy(j => TensorPrimitives.Dot(vectors[i].Vector.Span, vectors[j].Vector.Span));
            hits += catalog.MovieThemes[nearest] == catalog.MovieThemes[i] ? 1 : 0;
        }

        output.WriteLine($"Nearest-neighbour theme accuracy of the ResNet18 poster vectors: {hits} of {vectors.Count}.");
        Assert.True(hits >= 0.8 * vectors.Count, $"{hits} of {vectors.Count} posters have a nearest neighbour of their own theme.");
    }

    [ResNet18Fact]
    public async Task BytesThatAreNoImageAreRejectedNamingThePosition()
    {
        using var generator = new ResNet18ImageEmbeddingGenerator(new ResNet18ImageEmbeddingGeneratorOptions { Threads = 1 });

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            generator.GenerateAsync([new DataContent(Posters[0], "image/png"), new DataContent("no image"u8.ToArray(), "image/png") { Name = "notes.png" }]));

        Assert.Contains("position 1 ('notes.png', image/png) does not decode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingModelFolderIsAnErrorThatSaysWhereTheModelsComeFrom()
    {
        var error = Assert.Throws<FileNotFoundException>(() =>
            new ResNet18ImageEmbeddingGenerator(new ResNet18ImageEmbeddingGeneratorOptions { ModelDirectory = "/nonexistent/models", Threads = 1 }));

        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostersAreTheSameForTheSameSeedAndDifferForAnother()
    {
        var again = SyntheticCatalog.Generate(movies: 12, viewers: 4, seed: 7).PaintPosters();
        var other = SyntheticCatalog.Generate(movies: 12, viewers: 4, seed: 8).PaintPosters();

        Assert.Equal(Posters, again);
        Assert.NotEqual(Posters[0], other[0]);
        Assert.All(Posters, p => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, p[..4]));
    }
}

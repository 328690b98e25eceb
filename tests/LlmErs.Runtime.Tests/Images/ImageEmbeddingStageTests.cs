using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmErs.Runtime.Tests.Images;

public sealed class ImageEmbeddingStageTests : IDisposable
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 3, 4];
    private static readonly byte[] OtherPng = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 9, 1];

    private readonly string _directory = Directory.CreateTempSubdirectory("llmers-image-embeddings-").FullName;

    [Fact]
    public async Task EachImageIsEmbeddedAndNormalized_AnItemWithoutOneOrWithABadOneKeepsNoVector()
    {
        var missing = Path.Combine(_directory, "missing.png");
        Artwork[] items =
        [
            Art("a", ItemImage.FromBytes(Png)), Art("b", ItemImage.FromBytes(OtherPng)), Art("none", null),
            Art("gone", ItemImage.FromFile(missing)), Art("web", ItemImage.FromUri(new Uri("https://example.org/w.png"))),
        ];
        var generator = new ByteImageGenerator();

        var report = await new ImageEmbeddingStage(generator, new MemoryCache()).EmbedAsync(items);

        Assert.Equal((2, 0, 1), (report.Vectors, report.CacheHits, report.WithoutImage));
        Assert.Equal(2, generator.Images);
        Assert.Equal(1f, Norm(items[0].PictureVector), 4);
        Assert.NotEqual(items[0].PictureVector.ToArray(), items[1].PictureVector.ToArray());
        Assert.True(items[2].PictureVector.IsEmpty && items[3].PictureVector.IsEmpty && items[4].PictureVector.IsEmpty);
        Assert.Collection(report.Failures,
            f => Assert.Contains($"Item 'gone', field 'PictureVector': the image '{missing}' does not exist", f.ToString(), StringComparison.Ordinal),
            f => Assert.Contains("Item 'web', field 'PictureVector': the image 'https://example.org/w.png' is an address", f.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnchangedImageComesFromTheCache_AChangedOneIsEmbeddedAgain()
    {
        var cache = new MemoryCache();
        await new ImageEmbeddingStage(new ByteImageGenerator(), cache).EmbedAsync([Art("a", ItemImage.FromBytes(Png)), Art("b", ItemImage.FromBytes(Png))]);

        var generator = new ByteImageGenerator();
        Artwork[] again = [Art("a", ItemImage.FromBytes(Png)), Art("b", ItemImage.FromBytes(OtherPng))];
        var report = await new ImageEmbeddingStage(generator, cache).EmbedAsync(again);

        Assert.Equal((2, 1), (report.Vectors, report.CacheHits));
        Assert.Equal(1, generator.Images);
    }

    [Fact]
    public async Task TheTextEmbeddingStageLeavesImageFieldsAlone()
    {
        var items = new[] { Art("a", ItemImage.FromBytes(Png)) };

        var report = await new EmbeddingStage(new ThrowingTextGenerator(), new MemoryCache()).EmbedAsync(items);

        Assert.Equal(0, report.Vectors);
        Assert.True(items[0].PictureVector.IsEmpty);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Artwork Art(string id, ItemImage? picture) => new() { Id = id, Title = id, Picture = picture };

    private static float Norm(ReadOnlyMemory<float> vector) => MathF.Sqrt(vector.ToArray().Sum(v => v * v));

    private sealed class ThrowingTextGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A text model was asked to embed an image field.");

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("text", null, "text-model", 3) : null;

        public void Dispose()
        {
        }
    }
}

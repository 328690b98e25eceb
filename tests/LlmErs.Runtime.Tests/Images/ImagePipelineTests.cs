using System.Text.Json;
using LlmErs.Runtime.Tests.Fakes;
using LlmErs.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LlmErs.Runtime.Tests.Images;

/// <summary>The offline pipeline computes image embeddings as it computes text ones: cached, stored, reported per item.</summary>
public sealed class ImagePipelineTests : IDisposable
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 3, 4, 5];
    private static readonly byte[] OtherPng = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 9, 1, 7];
    private static readonly byte[] ThirdPng = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 2, 8, 6];

    private readonly TempDirectory _directory = new();
    private readonly MemoryCache _cache = new();

    [Fact]
    public async Task ARunWritesEachImagesVector_ToTheVectorStoreTheFeatureRowsTheReportAndTheManifest()
    {
        var generator = new ByteImageGenerator();

        var result = await RunAsync(generator, [Art("a", ItemImage.FromFile(Write("a.png", Png))), Art("b", ItemImage.FromBytes(OtherPng))]);

        using (var store = VectorStore.Open(_directory.File("PictureVector.vec"), new VectorStoreOpenOptions { ExpectedModelId = ByteImageGenerator.ModelId }))
        {
            Assert.Equal(2, store.Count);
            Assert.Equal(Normalized(3, 4, 5), store.GetVector("a").ToArray(), new Tolerance());
            Assert.Equal(Normalized(9, 1, 7), store.GetVector("b").ToArray(), new Tolerance());
        }

        Assert.All(Rows(), row =>
        {
            Assert.Equal("ok", row.GetProperty("PictureVector_status").GetString());
            Assert.Equal(3, row.GetProperty("PictureVector").GetArrayLength());
        });
        Assert.Equal((2, 0, 1), (result.Report.ImageEmbedding!.Vectors, result.Report.ImageEmbedding.CacheHits, result.Report.ImageEmbedding.ModelCalls));
        Assert.Null(result.Report.Embedding);
        Assert.Equal(new StatusCounts(2, 0, 0, 0), result.Report.Statuses[nameof(Artwork.PictureVector)]);
        Assert.Equal(ByteImageGenerator.ModelId, result.Manifest.ImageEmbeddingModel);
        Assert.Equal(ByteImageGenerator.ModelId, result.Manifest.Fields.Single(f => f.Name == nameof(Artwork.PictureVector)).ModelId);
        Assert.Contains(result.Manifest.Files, f => f.Path == "PictureVector.vec" && f.Kind == "vectors");
        Assert.Equal(2, generator.Images);
    }

    [Fact]
    public async Task AChangedImageIsEmbeddedAgain_OnlyForItsItem()
    {
        var path = Write("a.png", Png);
        await RunAsync(new ByteImageGenerator(), [Art("a", ItemImage.FromFile(path)), Art("b", ItemImage.FromBytes(OtherPng))]);

        File.WriteAllBytes(path, ThirdPng);
        var generator = new ByteImageGenerator();
        var result = await RunAsync(generator, [Art("a", ItemImage.FromFile(path)), Art("b", ItemImage.FromBytes(OtherPng))]);

        Assert.Equal(ThirdPng, Assert.Single(generator.Embedded));
        Assert.Equal((2, 1, 1), (result.Report.ImageEmbedding!.Vectors, result.Report.ImageEmbedding.CacheHits, result.Report.ImageEmbedding.ModelCalls));
        using var store = VectorStore.Open(_directory.File("PictureVector.vec"));
        Assert.Equal(Normalized(2, 8, 6), store.GetVector("a").ToArray(), new Tolerance());
    }

    [Fact]
    public async Task MissingUnreadableAndOversizedImagesFailTheirItemsField_NamingTheFile_AndARerunAfterTheFixEmbedsOnlyThat()
    {
        var missing = Path.Combine(_directory.Path, "missing.png");
        var unreadable = Write("notes.png", "not an image"u8.ToArray());
        var oversized = Write("huge.png", [.. Png, .. new byte[4096]]);
        Artwork[] Catalog() =>
        [
            Art("ok", ItemImage.FromBytes(Png)), Art("gone", ItemImage.FromFile(missing)), Art("text", ItemImage.FromFile(unreadable)),
            Art("big", ItemImage.FromFile(oversized)), Art("none", null),
        ];

        var first = await RunAsync(new ByteImageGenerator(), Catalog());

        var statuses = Rows().ToDictionary(r => r.GetProperty("Id").GetString()!, r => r.GetProperty("PictureVector_status").GetString()!);
        Assert.Equal("ok", statuses["ok"]);
        Assert.Equal($"failed: BadInput: the image '{missing}' does not exist", statuses["gone"]);
        Assert.StartsWith($"failed: BadInput: the image '{unreadable}' is not a PNG, JPEG, GIF or WebP image", statuses["text"], StringComparison.Ordinal);
        Assert.StartsWith($"failed: BadInput: the image '{oversized}' has ", statuses["big"], StringComparison.Ordinal);
        Assert.Contains("more than ImageOptions.MaxBytes", statuses["big"], StringComparison.Ordinal);
        Assert.Equal("failed: No image", statuses["none"]);
        Assert.Equal(new StatusCounts(1, 0, 4, 0), first.Report.Statuses[nameof(Artwork.PictureVector)]);
        Assert.Equal(["gone", "text", "big"], first.Report.ImageEmbedding!.Failures.Select(f => f.Item));
        Assert.Contains($"Item 'gone', field 'PictureVector': the image '{missing}' does not exist", first.Report.ToString(), StringComparison.Ordinal);
        using (var report = JsonDocument.Parse(File.ReadAllBytes(_directory.File("report.json"))))
        {
            var failure = report.RootElement.GetProperty("imageEmbedding").GetProperty("failures")[0];
            Assert.Equal(("gone", "PictureVector"), (failure.GetProperty("item").GetString(), failure.GetProperty("field").GetString()));
            Assert.Equal($"the image '{missing}' does not exist", failure.GetProperty("reason").GetString());
        }

        using (var store = VectorStore.Open(_directory.File("PictureVector.vec")))
        {
            Assert.Equal(1, store.Count);
        }

        File.WriteAllBytes(missing, OtherPng);
        var generator = new ByteImageGenerator();
        var second = await RunAsync(generator, Catalog());

        Assert.Equal(OtherPng, Assert.Single(generator.Embedded));
        Assert.Equal("ok", Rows().Single(r => r.GetProperty("Id").GetString() == "gone").GetProperty("PictureVector_status").GetString());
        Assert.Equal(new StatusCounts(2, 0, 3, 0), second.Report.Statuses[nameof(Artwork.PictureVector)]);
        using (var store = VectorStore.Open(_directory.File("PictureVector.vec")))
        {
            Assert.Equal(2, store.Count);
            Assert.Equal(Normalized(9, 1, 7), store.GetVector("gone").ToArray(), new Tolerance());
        }
    }

    [Fact]
    public void WithoutAnImageEmbeddingGenerator_TheErrorNamesTheFieldAndWhatToPass()
    {
        using var engine = TestEngines.Create(new CapturingChatClient(), _cache);

        var error = Assert.Throws<ArgumentException>(() => new OfflinePipeline<Artwork>(engine, _cache, Options.Create(PipelineOptions(stageImages: null))));

        Assert.Equal("imageEmbeddingGenerator", error.ParamName);
        Assert.Contains("Artwork has image embedding field(s) PictureVector", error.Message, StringComparison.Ordinal);
        Assert.Contains("IEmbeddingGenerator<DataContent, Embedding<float>>", error.Message, StringComparison.Ordinal);
        Assert.Contains("ResNet18ImageEmbeddingGenerator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheImageStageReadsImagesAsTheEnrichmentDoes_UnlessGivenItsOwnLimit()
    {
        var oversized = Write("poster.png", [.. Png, .. new byte[4096]]);

        await RunAsync(new ByteImageGenerator(), [Art("big", ItemImage.FromFile(oversized))]);
        Assert.Contains("more than ImageOptions.MaxBytes (1,024)", Rows().Single().GetProperty("PictureVector_status").GetString(), StringComparison.Ordinal);

        var generator = new ByteImageGenerator();
        await RunAsync(generator, [Art("big", ItemImage.FromFile(oversized))], stageImages: new ImageOptions { MaxBytes = 1 << 20 });
        Assert.Equal("ok", Rows().Single().GetProperty("PictureVector_status").GetString());
        Assert.Single(generator.Embedded);
    }

    [Fact]
    public async Task AResolvedPipelineTakesTheRegisteredImageEmbeddingGenerator()
    {
        var generator = new ByteImageGenerator();
        var services = new ServiceCollection();
        services.AddChatClient(new CapturingChatClient());
        services.AddSingleton<IEnrichmentCache>(_cache);
        services.AddEmbeddingGenerator(generator);
        services.AddEnrichment().Configure<OfflinePipelineOptions>(o => o.OutputDirectory = _directory.Path);
        services.AddSingleton<OfflinePipeline<Artwork>>();
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<OfflinePipeline<Artwork>>().RunAsync([Art("a", ItemImage.FromBytes(Png))]);

        Assert.Equal(1, result.Report.ImageEmbedding!.Vectors);
        Assert.Equal(Png, Assert.Single(generator.Embedded));
    }

    public void Dispose() => _directory.Dispose();

    private static Artwork Art(string id, ItemImage? picture) => new() { Id = id, Title = $"Art {id}", Picture = picture };

    private static float[] Normalized(params float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    private OfflinePipelineOptions PipelineOptions(ImageOptions? stageImages)
    {
        var options = new OfflinePipelineOptions { OutputDirectory = _directory.Path, ImageEmbedding = { Images = stageImages } };
        options.FeatureOutputs.Add(FeatureOutput.JsonLines(_directory.File("artworks.jsonl")));
        return options;
    }

    /// <summary>A pipeline run whose enrichment reads images of at most 1 KB; the image stage shares that limit unless given its own.</summary>
    private async Task<OfflinePipelineResult<Artwork>> RunAsync(ByteImageGenerator generator, IReadOnlyList<Artwork> items, ImageOptions? stageImages = null)
    {
        using var engine = TestEngines.Create(new CapturingChatClient(), _cache, options => options.Images.MaxBytes = 1024);
        var pipeline = new OfflinePipeline<Artwork>(engine, _cache, Options.Create(PipelineOptions(stageImages)), imageEmbeddingGenerator: generator);
        return await pipeline.RunAsync(items);
    }

    private List<JsonElement> Rows() => [.. File.ReadAllLines(_directory.File("artworks.jsonl")).Select(line => JsonDocument.Parse(line).RootElement)];

    private string Write(string name, byte[] bytes)
    {
        var path = _directory.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private sealed class Tolerance : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => MathF.Abs(x - y) < 1e-5f;

        public int GetHashCode(float obj) => 0;
    }
}

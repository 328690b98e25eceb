using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmErs.Runtime.Tests.Images;

public sealed class ImageRequestTests : IDisposable
{
    // A PNG signature and a few bytes: enough for the media type to be recognized; the fake model never decodes it.
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static readonly byte[] OtherPng = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 5];

    private readonly string _directory = Directory.CreateTempSubdirectory("llmers-images-").FullName;

    [Fact]
    public async Task TheImageReachesTheRequestAsDataContentWithItsBytesAndMediaType()
    {
        var path = Write("a.png", Png);
        var client = new CapturingChatClient();

        await RunAsync(client, new MemoryCache(), [Art("a1", ItemImage.FromFile(path))]);

        var message = Assert.Single(client.UserMessages);
        Assert.StartsWith("Describe the picture of ", message.Text, StringComparison.Ordinal);
        Assert.Contains("Art a1", message.Text, StringComparison.Ordinal);
        var image = Assert.Single(message.Contents.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(Png, image.Data.ToArray());
    }

    [Fact]
    public async Task AnAddressReachesTheRequestAsUriContent()
    {
        var client = new CapturingChatClient();

        await RunAsync(client, new MemoryCache(), [Art("a1", ItemImage.FromUri(new Uri("https://example.org/posters/a1.jpg")))]);

        var image = Assert.Single(Assert.Single(client.UserMessages).Contents.OfType<UriContent>());
        Assert.Equal("https://example.org/posters/a1.jpg", image.Uri.ToString());
        Assert.Equal("image/jpeg", image.MediaType);
    }

    [Fact]
    public async Task AChangedImageIsAskedAgain_AnUnchangedOneIsNot()
    {
        var cache = new MemoryCache();
        var path = Write("a.png", Png);
        var first = new CapturingChatClient();
        await RunAsync(first, cache, [Art("a1", ItemImage.FromFile(path)), Art("a2", ItemImage.FromBytes(Png))]);
        Assert.Equal(2, first.UserMessages.Count);

        var unchanged = new CapturingChatClient();
        var report = await RunAsync(unchanged, cache, [Art("a1", ItemImage.FromFile(path)), Art("a2", ItemImage.FromBytes(Png))]);
        Assert.Empty(unchanged.UserMessages);
        Assert.Equal(2L, report.CacheHits);

        // Same prompt, same path, one byte of the file changed: only that item is asked again.
        File.WriteAllBytes(path, OtherPng);
        var changed = new CapturingChatClient();
        await RunAsync(changed, cache, [Art("a1", ItemImage.FromFile(path)), Art("a2", ItemImage.FromBytes(Png))]);
        var asked = Assert.Single(changed.UserMessages);
        Assert.Equal(OtherPng, Assert.Single(asked.Contents.OfType<DataContent>()).Data.ToArray());
    }

    [Fact]
    public async Task AnItemWithoutAnImageIsAskedWithTheTextAlone()
    {
        var client = new CapturingChatClient();

        await RunAsync(client, new MemoryCache(), [Art("a1", null)]);

        var message = Assert.Single(client.UserMessages);
        Assert.DoesNotContain(message.Contents, c => c is DataContent or UriContent);
    }

    [Fact]
    public async Task MissingUnreadableAndOversizedImagesFailTheirItemsField_NamingTheFile_WhileTheOthersSucceed()
    {
        var good = Write("good.png", Png);
        var missing = Path.Combine(_directory, "missing.png");
        var unreadable = Write("notes.png", "not an image"u8.ToArray());
        var oversized = Write("huge.png", [.. Png, .. new byte[4096]]);
        var client = new CapturingChatClient();
        var outcomes = new List<ItemOutcome<Artwork>>();

        using var engine = TestEngines.Create(client, new MemoryCache(), o => o.Images.MaxBytes = 1024);
        await foreach (var outcome in engine.EnrichAsync(new[]
            {
                Art("ok", ItemImage.FromFile(good)), Art("gone", ItemImage.FromFile(missing)), Art("text", ItemImage.FromFile(unreadable)),
                Art("big", ItemImage.FromFile(oversized)), Art("ok2", ItemImage.FromBytes(Png)),
            }))
        {
            outcomes.Add(outcome);
        }

        Assert.True(outcomes.Single(o => o.Key == "ok").Succeeded);
        Assert.True(outcomes.Single(o => o.Key == "ok2").Succeeded);
        AssertFailed("gone", missing, "does not exist");
        AssertFailed("text", unreadable, "is not a PNG, JPEG, GIF or WebP image");
        AssertFailed("big", oversized, "more than ImageOptions.MaxBytes");
        Assert.Equal(2, client.UserMessages.Count);

        void AssertFailed(string key, string file, string why)
        {
            var failure = Assert.IsType<EnrichmentFailure>(outcomes.Single(o => o.Key == key).Failure);
            Assert.Equal(FailureReason.BadInput, failure.Reason);
            Assert.Equal(nameof(Artwork.Caption), failure.Field);
            Assert.Contains($"Item '{key}', field 'Caption'", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"'{file}'", failure.Message, StringComparison.Ordinal);
            Assert.Contains(why, failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheReportCountsTheFailedImages()
    {
        var client = new CapturingChatClient();

        var report = await RunAsync(client, new MemoryCache(),
            [Art("ok", ItemImage.FromBytes(Png)), Art("gone", ItemImage.FromFile(Path.Combine(_directory, "nope.png")))]);

        Assert.Equal(1, report.Succeeded);
        Assert.Equal(1, report.Failed);
        Assert.Equal(1, report.FailuresByReason[FailureReason.BadInput]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Artwork Art(string id, ItemImage? picture) => new() { Id = id, Title = $"Art {id}", Picture = picture };

    private static async Task<EnrichmentReport> RunAsync(IChatClient client, IEnrichmentCache cache, IReadOnlyList<Artwork> items)
    {
        using var engine = TestEngines.Create(client, cache);
        return await engine.RunAsync(items);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

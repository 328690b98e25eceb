using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace LlmErs.Vectors.Tests.Serving;

public sealed class ServingModelTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void RecommendForUser_ScoresByDotProduct_LeavingOutSeenItems()
    {
        ServingFolders.Write(_folder.Path);
        using var serving = ServingModel.Open(_folder.Path);
        using var items = VectorStore.Open(ServingFolders.PathOf(_folder.Path, "items"));
        using var users = VectorStore.Open(ServingFolders.PathOf(_folder.Path, "users"));

        var served = serving.RecommendForUser("u2", 50);

        Assert.Equal(47, served.Count);
        Assert.DoesNotContain(served, r => r.ItemId is "i2" or "i3" or "i4");
        var expected = Enumerable.Range(0, 50).Where(i => i is < 2 or > 4)
            .Select(i => (Id: $"i{i}", Score: System.Numerics.Tensors.TensorPrimitives.Dot(users.GetVector("u2"), items.GetVector($"i{i}"))))
            .OrderByDescending(e => e.Score).Select(e => e.Id);
        Assert.Equal(expected, served.Select(r => r.ItemId));
    }

    [Fact]
    public void AddServingModel_ServesFromDependencyInjection_WithoutCallingAChatClient()
    {
        ServingFolders.Write(_folder.Path);
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient, ThrowingChatClient>();
        services.AddServingModel(_folder.Path, options => options.MaxDegreeOfParallelism = 2);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var serving = provider.GetRequiredService<ServingModel>();

        Assert.Equal("bpr@v1", serving.Manifest.ModelId);
        Assert.Equal(5, serving.RecommendForUser("u0", 5).Count);
    }

    [Fact]
    public void SimilarItems_LeavesOutTheItemItself()
    {
        ServingFolders.Write(_folder.Path);
        using var serving = ServingModel.Open(_folder.Path);

        var similar = serving.SimilarItems("i7", 49);

        Assert.Equal(49, similar.Count);
        Assert.DoesNotContain(similar, r => r.ItemId == "i7");
        Assert.All(similar, r => Assert.InRange(r.Score, -1.0001f, 1.0001f));
    }

    [Fact]
    public void Open_WithoutAManifest_SaysHowToMakeOne()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ServingModel.Open(_folder.Path));

        Assert.Contains(Path.Combine(_folder.Path, "manifest.json"), error.Message);
        Assert.Contains("ModelExport.Export", error.Message);
    }

    [Fact]
    public void Open_OfAnotherFormatVersion_NamesBothVersions()
    {
        ServingFolders.Write(_folder.Path);
        var manifest = _folder.File("manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"formatVersion\": 1", "\"formatVersion\": 9", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => ServingModel.Open(_folder.Path));

        Assert.Contains("format version 9; this library reads version 1", error.Message);
    }

    [Fact]
    public void Open_OfAManifestThatIsNotJson_NamesIt()
    {
        ServingFolders.Write(_folder.Path);
        File.WriteAllText(_folder.File("manifest.json"), "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => ServingModel.Open(_folder.Path));

        Assert.Contains(_folder.File("manifest.json"), error.Message);
    }

    [Fact]
    public void Open_WithADamagedStore_FailsItsChecksumAndNamesIt()
    {
        ServingFolders.Write(_folder.Path);
        var items = ServingFolders.PathOf(_folder.Path, "items");
        var bytes = File.ReadAllBytes(items);
        bytes[^5] ^= 0x40;
        File.WriteAllBytes(items, bytes);

        var error = Assert.Throws<InvalidDataException>(() => ServingModel.Open(_folder.Path));

        Assert.Contains(items, error.Message);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void Open_WithATruncatedSeenFile_NamesIt()
    {
        ServingFolders.Write(_folder.Path);
        var seen = ServingFolders.PathOf(_folder.Path, "seen");
        File.WriteAllBytes(seen, File.ReadAllBytes(seen)[..^4]);

        var error = Assert.Throws<InvalidDataException>(() => ServingModel.Open(_folder.Path));

        Assert.Contains(seen, error.Message);
    }

    [Fact]
    public void Open_WithAMissingFile_NamesIt()
    {
        ServingFolders.Write(_folder.Path);
        File.Delete(ServingFolders.PathOf(_folder.Path, "users"));

        var error = Assert.Throws<FileNotFoundException>(() => ServingModel.Open(_folder.Path));

        Assert.Contains(ServingFolders.PathOf(_folder.Path, "users"), error.Message);
    }

    [Fact]
    public void Open_WithAStoreOfAnotherExport_SaysSo()
    {
        using var other = new TempDirectory();
        ServingFolders.Write(_folder.Path, version: "v1");
        ServingFolders.Write(other.Path, version: "v2", seed: 5);
        File.Copy(ServingFolders.PathOf(other.Path, "items"), ServingFolders.PathOf(_folder.Path, "items"), overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => ServingModel.Open(_folder.Path));

        Assert.Contains("another export", error.Message);
    }

    [Fact]
    public void Open_WithAStoreOfAnotherModel_RejectsItsModelId()
    {
        // Even a manifest edited to accept another export's file meets the model id stored in the file.
        using var other = new TempDirectory();
        ServingFolders.Write(_folder.Path, version: "v1");
        ServingFolders.Write(other.Path, version: "v2");
        var items = ServingFolders.PathOf(_folder.Path, "items");
        var own = ServingFolders.HeaderChecksum(items);
        File.Copy(ServingFolders.PathOf(other.Path, "items"), items, overwrite: true);
        var manifest = _folder.File("manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(own, ServingFolders.HeaderChecksum(items), StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => ServingModel.Open(_folder.Path));

        Assert.Contains(items, error.Message);
        Assert.Contains("'bpr@v2', not 'bpr@v1'", error.Message);
    }
}

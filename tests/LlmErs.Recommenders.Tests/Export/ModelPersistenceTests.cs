using System.Runtime.InteropServices;
using LlmErs.Recommenders.Tests.Models;

namespace LlmErs.Recommenders.Tests.Export;

public sealed class ModelPersistenceTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void FactorModels_SavedAndLoaded_ScoreIdenticallyToTheBit()
    {
        using var folder = new TempDirectory();
        foreach (var model in new[] { models.Bpr, models.EmbeddingInitializedBpr })
        {
            model.Save(folder.File("bpr.model"));
            var loaded = FactorModel.Load(folder.File("bpr.model"));

            Assert.Equal((model.UserCount, model.ItemCount, model.Dimension), (loaded.UserCount, loaded.ItemCount, loaded.Dimension));
            AssertBitEqual(AllScores(model), AllScores(loaded));
        }
    }

    [Fact]
    public void TwoTowerModel_SavedAndLoaded_ScoresAndEncodesIdenticallyToTheBit()
    {
        using var folder = new TempDirectory();
        var model = models.TwoTower;
        model.Save(folder.File("two-tower.model"));

        var loaded = TwoTowerModel.Load(folder.File("two-tower.model"));

        Assert.Equal((model.FeatureDimension, model.UserFeatureDimension), (loaded.FeatureDimension, loaded.UserFeatureDimension));
        AssertBitEqual(AllScores(model), AllScores(loaded));
        var (expected, actual) = (new float[16], new float[16]);
        model.EncodeItem(models.ItemFeatures.GetRow(3), expected);
        loaded.EncodeItem(models.ItemFeatures.GetRow(3), actual);
        AssertBitEqual(expected, actual);
        AssertBitEqual(model.Weights.ProjectedItemFeatures, loaded.Weights.ProjectedItemFeatures);
        AssertBitEqual(model.Weights.UserProjection, loaded.Weights.UserProjection);
    }

    [Fact]
    public void Load_OfTheOtherKind_SaysWhichLoaderToUse()
    {
        using var folder = new TempDirectory();
        models.TwoTower.Save(folder.File("two-tower.model"));
        models.Bpr.Save(folder.File("bpr.model"));

        var asFactor = Assert.Throws<InvalidDataException>(() => FactorModel.Load(folder.File("two-tower.model")));
        var asTwoTower = Assert.Throws<InvalidDataException>(() => TwoTowerModel.Load(folder.File("bpr.model")));

        Assert.Contains(folder.File("two-tower.model"), asFactor.Message);
        Assert.Contains("TwoTowerModel.Load", asFactor.Message);
        Assert.Contains("FactorModel.Load", asTwoTower.Message);
    }

    [Fact]
    public void Load_OfATruncatedFile_SaysSoAndNamesIt()
    {
        using var folder = new TempDirectory();
        var path = folder.File("bpr.model");
        models.Bpr.Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);

        var error = Assert.Throws<InvalidDataException>(() => FactorModel.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Load_OfAFileWithAFlippedByte_FailsItsChecksum()
    {
        using var folder = new TempDirectory();
        var path = folder.File("bpr.model");
        models.Bpr.Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[^7] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => FactorModel.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void Load_OfAnotherFormatVersion_NamesBothVersions()
    {
        using var folder = new TempDirectory();
        var path = folder.File("two-tower.model");
        models.TwoTower.Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 99;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => TwoTowerModel.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains($"format version 99; this library reads version {ModelFile.Version}", error.Message);
    }

    [Fact]
    public void Load_OfAnotherFile_SaysItIsNotAModel()
    {
        using var folder = new TempDirectory();
        var path = folder.File("notes.model");
        File.WriteAllText(path, new string('x', 300));

        var error = Assert.Throws<InvalidDataException>(() => FactorModel.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Throws<FileNotFoundException>(() => FactorModel.Load(folder.File("missing.model")));
    }

    private float[] AllScores(IItemScorer model) => SyntheticCatalog.AllScores(model, models.Split.UserCount);

    private static void AssertBitEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual) =>
        Assert.True(MemoryMarshal.AsBytes(expected).SequenceEqual(MemoryMarshal.AsBytes(actual)), "The values differ in at least one bit.");
}

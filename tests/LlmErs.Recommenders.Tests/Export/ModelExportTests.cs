using System.Numerics.Tensors;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Export;

public sealed class ModelExportTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private static ModelExportOptions Options(string version = "2026-12-02") => new() { ModelName = "two-tower", Version = version };

    [Fact]
    public void Export_WritesAManifestThatNamesTheModelAndEveryFile()
    {
        using var folder = new TempDirectory();

        var manifest = ModelExport.Export(models.TwoTower, models.Split, folder.Path, Options());

        using var serving = ServingModel.Open(folder.Path);
        Assert.Equal(manifest, serving.Manifest with { Files = manifest.Files });
        Assert.Equal(("two-tower@2026-12-02", ServingModelKind.TwoTower, 16, "dot", 3), (serving.Manifest.ModelId, serving.Manifest.Kind, serving.Manifest.Dimension, serving.Manifest.Metric, serving.Manifest.UserFeatureDimension));
        Assert.Equal(["history", "items", "seen", "userFeatures", "users"], serving.Manifest.Files.Keys.Order());
        Assert.All(serving.Manifest.Files.Values, file => Assert.Equal(32, file.Checksum.Length));
        using var items = VectorStore.Open(folder.File("items.vec"));
        Assert.Equal("two-tower@2026-12-02", items.ModelId);
        Assert.Equal((models.Split.ItemCount, models.Split.UserCount), (serving.ItemCount, serving.UserCount));
    }

    [Fact]
    public void RecommendForUser_LeavesOutEverythingTheUserHasSeen_ByDefault()
    {
        using var folder = new TempDirectory();
        ModelExport.Export(models.Bpr, models.Split, folder.Path, Options());
        using var serving = ServingModel.Open(folder.Path);
        var seen = UserItemMatrix.Create(models.Split.Train, models.Split.Validation, models.Split.Test);

        for (var user = 0; user < models.Split.UserCount; user++)
        {
            var served = serving.RecommendForUser(models.Split.UserIds[user], models.Split.ItemCount);

            Assert.Equal(models.Split.ItemCount - seen.CountOf(user), served.Count);
            Assert.DoesNotContain(served, r => seen.Contains(user, models.Split.ItemIds.GetIndex(r.ItemId)));
        }
    }

    [Fact]
    public void RecommendForHistory_RunsTheUserTower_FromTheHistoryAndUserFeatures()
    {
        using var folder = new TempDirectory();
        ModelExport.Export(models.TwoTower, models.Split, folder.Path, Options());
        using var serving = ServingModel.Open(folder.Path);
        var history = new[] { "i1", "i4", "i7", "i13" }.Where(id => models.Split.ItemIds.TryGetIndex(id, out _)).ToArray();
        float[] userFeatures = [0f, 1f, 0f];

        var served = serving.RecommendForHistory(history, 10, userFeatures);

        // The user tower by hand: the mean of the items' projected features plus the projected user features.
        var weights = models.TwoTower.Weights;
        var expected = new float[16];
        foreach (var id in history)
        {
            TensorPrimitives.Add(expected, weights.ProjectedItemFeatures.AsSpan(models.Split.ItemIds.GetIndex(id) * 16, 16), expected);
        }

        TensorPrimitives.Divide(expected, history.Length, expected);
        TensorPrimitives.Add(expected, weights.UserProjection.AsSpan(16, 16), expected);
        foreach (var recommendation in served)
        {
            var score = TensorPrimitives.Dot(expected, models.TwoTower.Factors.GetItemVector(models.Split.ItemIds.GetIndex(recommendation.ItemId)));
            Assert.Equal(score, recommendation.Score, 1e-4f);
        }

        Assert.DoesNotContain(served, r => history.Contains(r.ItemId));
        var inCluster = served.Count(r => models.Catalog.ItemClusters[TrainedModels.Index(r.ItemId)] == 1);
        Assert.True(inCluster >= 8, $"{inCluster} of 10 items are in the history's cluster.");
    }

    [Fact]
    public void RecommendForHistory_OfAFactorModel_ScoresWithTheMeanOfTheHistorysFactors()
    {
        using var folder = new TempDirectory();
        ModelExport.Export(models.Bpr, models.Split, folder.Path, Options());
        using var serving = ServingModel.Open(folder.Path);
        var history = models.Split.ItemIds.Keys.Take(3).ToArray();

        var served = serving.RecommendForHistory(history, 5);

        var mean = new float[16];
        foreach (var id in history)
        {
            TensorPrimitives.Add(mean, models.Bpr.GetItemVector(models.Split.ItemIds.GetIndex(id)), mean);
        }

        TensorPrimitives.Divide(mean, 3, mean);
        var best = Enumerable.Range(0, models.Split.ItemCount)
            .Where(item => !history.Contains(models.Split.ItemIds[item]))
            .MaxBy(item => TensorPrimitives.Dot(mean, models.Bpr.GetItemVector(item)));
        Assert.Equal(models.Split.ItemIds[best], served[0].ItemId);
        Assert.Throws<ArgumentException>(() => serving.RecommendForHistory(history, 5, [1f]));
    }

    [Fact]
    public void UnknownUsersAndItems_ThrowAnExceptionTheHostCanMapToNotFound()
    {
        using var folder = new TempDirectory();
        ModelExport.Export(models.Bpr, models.Split, folder.Path, Options());
        using var serving = ServingModel.Open(folder.Path);

        var user = Assert.Throws<UnknownIdException>(() => serving.RecommendForUser("nobody", 5));
        var item = Assert.Throws<UnknownIdException>(() => serving.SimilarItems("no-such-item", 5));
        var inHistory = Assert.Throws<UnknownIdException>(() => serving.RecommendForHistory(["i1", "no-such-item"], 5));

        Assert.Equal((ServingIdKind.User, "nobody"), (user.Kind, user.Id));
        Assert.Equal((ServingIdKind.Item, "no-such-item"), (item.Kind, item.Id));
        Assert.Contains("'no-such-item'", inHistory.Message);
        Assert.IsAssignableFrom<KeyNotFoundException>(user);
    }

    [Fact]
    public void AFileFromAnotherExport_IsCaughtOnOpen()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        ModelExport.Export(models.TwoTower, models.Split, first.Path, Options("v1"));
        ModelExport.Export(models.TwoTower, models.Split, second.Path, Options("v2"));
        File.Copy(second.File("users.vec"), first.File("users.vec"), overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => ServingModel.Open(first.Path));

        Assert.Contains(first.File("users.vec"), error.Message);
        Assert.Contains("another export", error.Message);
    }

    [Fact]
    public void Export_WithAModelOfAnotherSplit_Throws()
    {
        using var folder = new TempDirectory();
        var other = MatrixFactorization.Train(UserItemMatrix.Create([0, 1, 1], [0, 1, 2], 2, 3), new BprOptions { Dimension = 4, Epochs = 1 }).Model;

        var error = Assert.Throws<ArgumentException>(() => ModelExport.Export(other, models.Split, folder.Path, Options()));

        Assert.Contains("export with the split the model was trained on", error.Message);
        Assert.False(File.Exists(folder.File(ServingManifest.FileName)));
    }
}

using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class TwoTowerTests : IDisposable
{
    private static readonly SyntheticCatalog Catalog = SyntheticCatalog.Create();
    private readonly VectorMatrix _features = Catalog.FeatureMatrix();

    public void Dispose() => _features.Dispose();

    private static TwoTowerOptions Options(int threads = 1, float idDropout = 0.5f, DistillationOptions? distillation = null) => new()
    {
        Dimension = 16,
        Epochs = 15,
        BatchSize = 128,
        LearningRate = 0.02f,
        Seed = 11,
        MaxDegreeOfParallelism = threads,
        IdDropout = idDropout,
        Distillation = distillation,
    };

    [Fact]
    public void ItemsUnseenInTraining_ScoreFromTheirFeatures()
    {
        var feedback = Catalog.Feedback();

        var twoTower = TwoTower.Train(feedback, _features, options: Options()).Model;
        var idOnly = MatrixFactorization.Train(feedback, Options()).Model;

        var (twoTowerAuc, idOnlyAuc) = (Catalog.ColdItemAuc(twoTower), Catalog.ColdItemAuc(idOnly));
        Assert.True(twoTowerAuc > 0.9, $"Cold-item AUC of the two-tower model: {twoTowerAuc:F3}.");
        Assert.True(twoTowerAuc > idOnlyAuc + 0.25, $"Cold-item AUC: two-tower {twoTowerAuc:F3}, ID-only {idOnlyAuc:F3}.");
    }

    [Fact]
    public void AnItemWithoutInteractions_HasOnlyItsFeatureVector()
    {
        var model = TwoTower.Train(Catalog.Feedback(), _features, options: Options()).Model;

        var encoded = new float[16];
        model.EncodeItem(_features.GetRow(10), encoded);
        Assert.Equal(encoded, model.Factors.GetItemVector(10).ToArray());

        model.EncodeItem(_features.GetRow(11), encoded);
        Assert.NotEqual(encoded, model.Factors.GetItemVector(11).ToArray());
    }

    [Fact]
    public void SameSeed_GivesIdenticalScores_WhateverTheThreadCount()
    {
        var feedback = Catalog.Feedback();
        var teacher = ContentBaseline.Create(feedback, _features);
        var distillation = new DistillationOptions { Teacher = teacher, Weight = 0.5f };
        using var userFeatures = UserClusterFeatures();

        var first = TwoTower.Train(feedback, _features, userFeatures, Options(threads: 1, distillation: distillation)).Model;
        var second = TwoTower.Train(feedback, _features, userFeatures, Options(threads: 2, distillation: distillation)).Model;

        Assert.Equal(SyntheticCatalog.AllScores(first, Catalog.UserCount), SyntheticCatalog.AllScores(second, Catalog.UserCount));
        Assert.All(SyntheticCatalog.AllScores(first, Catalog.UserCount), score => Assert.True(float.IsFinite(score)));
    }

    [Fact]
    public void UserFeatures_GiveAUserWithoutHistoryAMeaningfulVector()
    {
        using var userFeatures = UserClusterFeatures();
        var withoutHistory = Catalog.UserCount - 1;

        var model = TwoTower.Train(Catalog.Feedback(), _features, userFeatures, Options()).Model;

        var scores = new float[Catalog.ItemCount];
        model.ScoreItems(withoutHistory, scores);
        var cluster = Catalog.UserClusters[withoutHistory];
        var liked = Enumerable.Range(0, Catalog.ItemCount).Where(i => Catalog.ItemClusters[i] == cluster).ToArray();
        var others = Enumerable.Range(0, Catalog.ItemCount).Where(i => Catalog.ItemClusters[i] != cluster).ToArray();
        var auc = liked.Average(i => others.Average(j => scores[i] > scores[j] ? 1.0 : 0.0));
        Assert.True(auc > 0.8, $"AUC for the user without history: {auc:F3}.");
    }

    [Fact]
    public void Train_RejectsFeaturesThatDoNotMatch()
    {
        var feedback = Catalog.Feedback();
        using var tooFew = VectorMatrix.Create(new float[10 * 16], 16);

        Assert.Equal("itemFeatures", Assert.Throws<ArgumentException>(() => TwoTower.Train(feedback, tooFew)).ParamName);
        Assert.Equal("userFeatures", Assert.Throws<ArgumentException>(() => TwoTower.Train(feedback, _features, tooFew)).ParamName);
        Assert.Equal("IdDropout", Assert.Throws<ArgumentOutOfRangeException>(() => TwoTower.Train(feedback, _features, options: Options(idDropout: 1.5f))).ParamName);

        var model = TwoTower.Train(feedback, _features, options: new TwoTowerOptions { Dimension = 16, Epochs = 1 }).Model;
        Assert.Throws<ArgumentException>(() => model.EncodeItem(new float[15], new float[16]));
    }

    /// <summary>A user profile that names the user's cluster, as an LLM-written profile might.</summary>
    private static VectorMatrix UserClusterFeatures()
    {
        var values = new float[Catalog.UserCount * 3];
        for (var u = 0; u < Catalog.UserCount; u++)
        {
            values[(u * 3) + Catalog.UserClusters[u]] = 1;
        }

        return VectorMatrix.Create(values, 3);
    }
}

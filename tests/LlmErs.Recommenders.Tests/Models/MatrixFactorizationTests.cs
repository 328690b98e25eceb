using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class MatrixFactorizationTests
{
    private static readonly SyntheticCatalog Catalog = SyntheticCatalog.Create();

    private static BprOptions Options(int epochs = 10, ulong seed = 7, int threads = 1, int patience = 5, int batchSize = 128) => new()
    {
        Dimension = 16,
        Epochs = epochs,
        BatchSize = batchSize,
        LearningRate = 0.02f,
        Seed = seed,
        MaxDegreeOfParallelism = threads,
        Patience = patience,
    };

    [Fact]
    public void SameSeed_GivesIdenticalScores_WhateverTheThreadCount()
    {
        var feedback = Catalog.Feedback();

        // Batches of 1,024 triples are large enough to be scored on several threads.
        var first = MatrixFactorization.Train(feedback, Options(threads: 1, batchSize: 1024)).Model;
        var second = MatrixFactorization.Train(feedback, Options(threads: 2, batchSize: 1024)).Model;
        var otherSeed = MatrixFactorization.Train(feedback, Options(seed: 8, batchSize: 1024)).Model;

        Assert.Equal(SyntheticCatalog.AllScores(first, Catalog.UserCount), SyntheticCatalog.AllScores(second, Catalog.UserCount));
        Assert.NotEqual(SyntheticCatalog.AllScores(first, Catalog.UserCount), SyntheticCatalog.AllScores(otherSeed, Catalog.UserCount));
    }

    [Fact]
    public void Training_ReducesTheLoss_AndLearnsTheStructure()
    {
        var reports = new List<EpochReport>();
        var result = MatrixFactorization.Train(Catalog.Feedback(), Options(epochs: 15), new TrainingMonitor { Progress = new SyncProgress(reports) });

        var losses = result.History.Epochs.Select(e => e.Loss).ToArray();
        Assert.Equal(15, losses.Length);
        Assert.True(losses[0] > 0.6 && losses[0] < 0.7, $"The first epoch's loss is {losses[0]}; random vectors should give about ln 2.");
        Assert.True(losses[^1] < 0.5 * losses[0], $"The loss went from {losses[0]} to {losses[^1]}.");
        Assert.Equal(result.History.Epochs, reports);
        Assert.Equal(15, result.History.BestEpoch);
        Assert.False(result.History.StoppedEarly);

        // Warm items of the user's cluster rank above warm items of other clusters.
        var scores = new float[Catalog.ItemCount];
        result.Model.ScoreItems(0, scores);
        var liked = Enumerable.Range(0, Catalog.ItemCount).Where(i => !SyntheticCatalog.IsCold(i) && Catalog.ItemClusters[i] == Catalog.UserClusters[0]).Average(i => scores[i]);
        var others = Enumerable.Range(0, Catalog.ItemCount).Where(i => !SyntheticCatalog.IsCold(i) && Catalog.ItemClusters[i] != Catalog.UserClusters[0]).Average(i => scores[i]);
        Assert.True(liked > others);
    }

    [Fact]
    public void EarlyStopping_ReturnsTheBestEpochsModel()
    {
        // Validation scores by epoch: the best is epoch 2, then three epochs without a better score stop training.
        double[] script = [0.1, 0.5, 0.3, 0.2, 0.4, 0.9, 0.9];
        var seen = new List<(IItemScorer Scorer, float[] Scores)>();
        var monitor = new TrainingMonitor
        {
            Validate = scorer =>
            {
                seen.Add((scorer, SyntheticCatalog.AllScores(scorer, Catalog.UserCount)));
                return script[seen.Count - 1];
            },
        };

        var result = MatrixFactorization.Train(Catalog.Feedback(), Options(epochs: 7, patience: 3), monitor);

        Assert.Equal(5, result.History.Epochs.Count);
        Assert.True(result.History.StoppedEarly);
        Assert.Equal(2, result.History.BestEpoch);
        Assert.Equal([true, true, false, false, false], result.History.Epochs.Select(e => e.IsBest));
        Assert.Equal(script[..5], result.History.Epochs.Select(e => e.ValidationScore!.Value));
        Assert.Same(seen[1].Scorer, result.Model);
        Assert.Equal(seen[1].Scores, SyntheticCatalog.AllScores(result.Model, Catalog.UserCount));
        Assert.NotEqual(seen[4].Scores, seen[1].Scores);
    }

    [Fact]
    public void Scores_AreFinite_ForColdItemsAndUsersWithoutHistory()
    {
        var model = MatrixFactorization.Train(Catalog.Feedback(), Options()).Model;

        Assert.All(SyntheticCatalog.AllScores(model, Catalog.UserCount), score => Assert.True(float.IsFinite(score)));
    }

    [Fact]
    public void ScoringChosenItems_MatchesScoringAllItems()
    {
        var model = MatrixFactorization.Train(Catalog.Feedback(), Options(epochs: 2)).Model;
        var all = new float[Catalog.ItemCount];
        model.ScoreItems(3, all);

        var chosen = new float[3];
        model.ScoreItems(3, [17, 0, 239], chosen);

        Assert.Equal([all[17], all[0], all[239]], chosen);
    }

    [Fact]
    public void Initialization_StartsFromTheGivenVectors_ScaledToTheInitialDeviation()
    {
        using var features = Catalog.FeatureMatrix();
        using var initial = EmbeddingProjection.Pca(features, 16);
        var options = new BprOptions { Dimension = 16, Epochs = 1, LearningRate = 1e-9f, InitialStandardDeviation = 0.05f };

        var items = MatrixFactorization.Train(Catalog.Feedback(), initial, options).Model.ItemVectors.ToArray();

        var scale = items[0] / initial.Values[0];
        for (var i = 0; i < items.Length; i++)
        {
            Assert.Equal(initial.Values[i] * scale, items[i], 1e-6f);
        }

        Assert.Equal(0.05, Math.Sqrt(items.Average(v => (double)v * v)), 4);
    }

    [Fact]
    public void Initialization_FromFeatures_HelpsColdItemsOverRandomVectors()
    {
        using var features = Catalog.FeatureMatrix();
        using var initial = EmbeddingProjection.Pca(features, 16);

        // Cold items are only ever sampled as negatives, so the head start fades with long training; early stopping keeps it.
        var random = MatrixFactorization.Train(Catalog.Feedback(), Options(epochs: 5)).Model;
        var initialized = MatrixFactorization.Train(Catalog.Feedback(), initial, Options(epochs: 5)).Model;

        Assert.True(
            Catalog.ColdItemAuc(initialized) > Catalog.ColdItemAuc(random) + 0.25,
            $"Cold-item AUC: initialized {Catalog.ColdItemAuc(initialized):F3}, random {Catalog.ColdItemAuc(random):F3}.");
    }

    [Fact]
    public void Train_RejectsBadArguments_NamingThem()
    {
        var feedback = Catalog.Feedback();

        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => MatrixFactorization.Train(feedback, new BprOptions { LearningRate = float.NaN }));
        Assert.Equal("LearningRate", rate.ParamName);
        Assert.Equal("Patience", Assert.Throws<ArgumentOutOfRangeException>(() => MatrixFactorization.Train(feedback, new BprOptions { Patience = 0 })).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => MatrixFactorization.Train(feedback, new BprOptions { MaxDegreeOfParallelism = 0 })).ParamName);

        var empty = Assert.Throws<ArgumentException>(() => MatrixFactorization.Train(UserItemMatrix.Create([], [], 2, 2)));
        Assert.Equal("feedback", empty.ParamName);

        using var wrongDimension = VectorMatrix.Create(new float[Catalog.ItemCount * 8], 8);
        var initial = Assert.Throws<ArgumentException>(() => MatrixFactorization.Train(feedback, wrongDimension, new BprOptions { Dimension = 16 }));
        Assert.Equal("initialItemVectors", initial.ParamName);
    }

    [Fact]
    public void Train_StopsWhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => MatrixFactorization.Train(Catalog.Feedback(), Options(), cancellationToken: cancellation.Token));
    }

    /// <summary>Collects reports on the calling thread (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class SyncProgress(List<EpochReport> reports) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => reports.Add(value);
    }
}

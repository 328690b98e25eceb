using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class AugmentedPairsTrainingTests
{
    private static readonly SyntheticCatalog Catalog = SyntheticCatalog.Create();

    // Cold items (every tenth) have no interactions: only the pairs move them.
    private static readonly TrainingPair[] Pairs =
        [.. Enumerable.Range(0, Catalog.UserCount).Select(user => new TrainingPair(user, Preferred: 10, Other: 20))];

    private static TOptions With<TOptions>(TOptions options, TrainingPair[]? pairs, float weight = 1f, ulong seed = 7, int threads = 1)
        where TOptions : BprOptions => (TOptions)(options switch
        {
            TwoTowerOptions => (BprOptions)new TwoTowerOptions { Dimension = 16, Epochs = 6, BatchSize = 128, LearningRate = 0.02f, Seed = seed, MaxDegreeOfParallelism = threads, AugmentedPairs = Augmented(pairs, weight) },
            _ => new BprOptions { Dimension = 16, Epochs = 6, BatchSize = 128, LearningRate = 0.02f, Seed = seed, MaxDegreeOfParallelism = threads, AugmentedPairs = Augmented(pairs, weight) },
        });

    private static AugmentedPairs? Augmented(TrainingPair[]? pairs, float weight) => pairs is null ? null : new AugmentedPairs { Pairs = pairs, Weight = weight };

    private static float[] MatrixFactorizationScores(BprOptions options) =>
        SyntheticCatalog.AllScores(MatrixFactorization.Train(Catalog.Feedback(), options).Model, Catalog.UserCount);

    private static float[] TwoTowerScores(TwoTowerOptions options)
    {
        using var features = Catalog.FeatureMatrix();
        return SyntheticCatalog.AllScores(TwoTower.Train(Catalog.Feedback(), features, options: options).Model, Catalog.UserCount);
    }

    [Fact]
    public void NoPairsOrWeightZero_TrainBitForBitAsWithout()
    {
        var plain = MatrixFactorizationScores(With(new BprOptions(), null));
        Assert.Equal(plain, MatrixFactorizationScores(With(new BprOptions(), [])));
        Assert.Equal(plain, MatrixFactorizationScores(With(new BprOptions(), Pairs, weight: 0)));

        var twoTower = TwoTowerScores(With(new TwoTowerOptions(), null));
        Assert.Equal(twoTower, TwoTowerScores(With(new TwoTowerOptions(), [])));
        Assert.Equal(twoTower, TwoTowerScores(With(new TwoTowerOptions(), Pairs, weight: 0)));
    }

    [Fact]
    public void WeightedPairs_PullThePreferredItemAboveTheOther_MoreWithMoreWeight()
    {
        double Margin(float[] scores) => Enumerable.Range(0, Catalog.UserCount).Average(user => scores[(user * Catalog.ItemCount) + 10] - scores[(user * Catalog.ItemCount) + 20]);

        foreach (var scores in new Func<TrainingPair[]?, float, float[]>[]
        {
            (pairs, weight) => MatrixFactorizationScores(With(new BprOptions(), pairs, weight)),
            (pairs, weight) => TwoTowerScores(With(new TwoTowerOptions(), pairs, weight)),
        })
        {
            var (without, light, heavy) = (Margin(scores(null, 1)), Margin(scores(Pairs, 0.5f)), Margin(scores(Pairs, 2f)));
            Assert.True(light > without + 0.1, $"Without pairs the margin is {without}, with weight 0.5 {light}.");
            Assert.True(heavy > light, $"With weight 0.5 the margin is {light}, with weight 2 {heavy}.");
        }
    }

    [Fact]
    public void SameSeedAndPairs_GiveTheSameModel_WhateverTheThreadCount_AndMorePairsThanUsersPerBatchFit()
    {
        // Every user in every batch of 32 positives: far more distinct users a batch than positives.
        var many = Enumerable.Range(0, 4).SelectMany(k => Enumerable.Range(0, Catalog.UserCount).Select(user => new TrainingPair(user, 10 * (k + 1), (10 * (k + 1)) + 1))).ToArray();
        static TwoTowerOptions Small(TrainingPair[] pairs, int threads, ulong seed) => new()
        {
            Dimension = 8, Epochs = 2, BatchSize = 32, Seed = seed, MaxDegreeOfParallelism = threads, AugmentedPairs = new AugmentedPairs { Pairs = pairs },
        };

        var one = TwoTowerScores(Small(many, 1, 7));
        Assert.Equal(one, TwoTowerScores(Small(many, 2, 7)));
        Assert.NotEqual(one, TwoTowerScores(Small(many, 1, 8)));
        Assert.Equal(
            MatrixFactorizationScores(new BprOptions { Dimension = 8, Epochs = 2, BatchSize = 32, Seed = 7, AugmentedPairs = new AugmentedPairs { Pairs = many }, MaxDegreeOfParallelism = 1 }),
            MatrixFactorizationScores(new BprOptions { Dimension = 8, Epochs = 2, BatchSize = 32, Seed = 7, AugmentedPairs = new AugmentedPairs { Pairs = many }, MaxDegreeOfParallelism = 2 }));
    }

    [Fact]
    public void PairsOutsideTheDataOrOfOneItem_AreRejected_NamingThePair()
    {
        var outside = Assert.Throws<ArgumentException>(() => MatrixFactorization.Train(Catalog.Feedback(), With(new BprOptions(), [new TrainingPair(0, 1, 2), new TrainingPair(Catalog.UserCount, 1, 2)])));
        var same = Assert.Throws<ArgumentException>(() => MatrixFactorization.Train(Catalog.Feedback(), With(new BprOptions(), [new TrainingPair(3, 5, 5)])));

        Assert.Contains("pair 1", outside.Message, StringComparison.Ordinal);
        Assert.Contains("item 5 to itself", same.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MatrixFactorization.Train(Catalog.Feedback(), With(new BprOptions(), Pairs, weight: -1)));
    }
}

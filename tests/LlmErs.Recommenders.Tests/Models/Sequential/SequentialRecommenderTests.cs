using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models.Sequential;

public sealed class SequentialRecommenderTests
{
    private const int Items = 30;

    private static SequentialOptions Options(int threads = 1, int epochs = 100, float idShrinkage = 0, float idDropout = 0) => new()
    {
        IdShrinkage = idShrinkage,
        IdDropout = idDropout,
        Dimension = 16,
        Blocks = 1,
        Heads = 2,
        MaxLength = 8,
        Dropout = 0.1f,
        LearningRate = 0.01f,
        BatchSize = 32,
        Epochs = epochs,
        Seed = 7,
        MaxDegreeOfParallelism = threads,
    };

    /// <summary>
    /// Each user walks the items in a cycle with a user-specific stride (1 or 2), so the next item follows from the
    /// last two: a model that ignores order, positions or the causal shift cannot tell the strides apart.
    /// </summary>
    private static InteractionLog Walks(int users = 120, int length = 10)
    {
        var builder = new InteractionLogBuilder();
        var random = new Random(3);
        for (var user = 0; user < users; user++)
        {
            var (item, stride) = (random.Next(Items), 1 + (user % 2));
            for (var t = 0; t < length; t++)
            {
                builder.Add($"u{user}", $"i{item}", timestamp: (user * 100) + t);
                item = (item + stride) % Items;
            }
        }

        return builder.Build();
    }

    [Fact]
    public void LearnsTheNextItemOfEachWalk()
    {
        var log = Walks();
        var model = SequentialRecommender.Train(log, options: Options()).Model;

        var sequences = UserSequencesOf(log);
        var hits = 0;
        var scores = new float[log.ItemCount];
        for (var user = 0; user < log.UserCount; user++)
        {
            model.ScoreItems(user, scores);
            var history = sequences[user];
            var expected = Next(log, history[^2], history[^1]);
            hits += Array.IndexOf(scores, scores.Max()) == expected ? 1 : 0;
        }

        // Chance is 1 in 30; a model that sees only the last item and not its predecessor gets about half right.
        Assert.True(hits >= 0.9 * log.UserCount, $"The top item was the walk's next item for {hits} of {log.UserCount} users.");
    }

    [Fact]
    public void SameSeed_GivesIdenticalModels_WhateverTheThreadCount()
    {
        var log = Walks();
        var first = SequentialRecommender.Train(log, options: Options(threads: 1, epochs: 3)).Model;
        var second = SequentialRecommender.Train(log, options: Options(threads: 2, epochs: 3)).Model;

        Assert.Equal(first.Factors.ItemVectors.ToArray(), second.Factors.ItemVectors.ToArray());
        Assert.Equal(first.Factors.UserVectors.ToArray(), second.Factors.UserVectors.ToArray());
        Assert.Equal(first.Parameters, second.Parameters);
    }

    [Fact]
    public void SaveAndLoad_GiveBitIdenticalScoresAndEncodings()
    {
        var log = Walks(users: 40);
        using var features = Features(log.ItemCount);
        var model = SequentialRecommender.Train(log, features, Options(epochs: 2)).Model;
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "sequential.model");

        model.Save(path);
        var loaded = SequentialModel.Load(path);

        var (expected, actual) = (new float[log.ItemCount], new float[log.ItemCount]);
        for (var user = 0; user < log.UserCount; user++)
        {
            model.ScoreItems(user, expected);
            loaded.ScoreItems(user, actual);
            Assert.Equal(expected, actual);
        }

        var (before, after) = (new float[16], new float[16]);
        model.EncodeHistory([3, 1, 4, 1, 5], before);
        loaded.EncodeHistory([3, 1, 4, 1, 5], after);
        Assert.Equal(before, after);
        Assert.Equal(model.FeatureDimension, loaded.FeatureDimension);
    }

    [Fact]
    public void Load_RejectsAFileOfAnotherModelKind()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "bpr.model");
        MatrixFactorization.Train(UserItemMatrix.Create(Walks(users: 10)), new BprOptions { Epochs = 1 }).Model.Save(path);

        var error = Assert.Throws<InvalidDataException>(() => SequentialModel.Load(path));
        Assert.Contains("FactorModel.Load", error.Message);
    }

    [Fact]
    public void EncodeHistory_GivesTheUserVectorOfTheSameHistory()
    {
        var log = Walks(users: 20);
        var model = SequentialRecommender.Train(log, options: Options(epochs: 2)).Model;
        var history = UserSequencesOf(log)[5];

        var vector = new float[16];
        model.EncodeHistory(history, vector);

        Assert.Equal(model.Factors.GetUserVector(5).ToArray(), vector);
    }

    [Fact]
    public void WithHistories_ReadsTheLaterInteractionsAsTheLatestItems()
    {
        var split = LeaveOneOutSplitter.Split(Walks());
        var trained = SequentialRecommender.Train(split.Train, options: Options()).Model;
        var extended = trained.WithHistories(split.Train, split.Validation);

        // With the validation item read, the test item is the walk's next item for nearly every user.
        var scores = new float[split.ItemCount];
        var (hits, users) = (0, 0);
        for (var row = 0; row < split.Test.Count; row++)
        {
            var (user, item) = (split.Test.Users[row], split.Test.Items[row]);
            extended.ScoreItems(user, scores);
            hits += Array.IndexOf(scores, scores.Max()) == item ? 1 : 0;
            users++;
        }

        Assert.True(hits >= 0.8 * users, $"{hits} of {users} test items ranked first.");
        Assert.NotEqual(trained.Factors.UserVectors.ToArray(), extended.Factors.UserVectors.ToArray());
    }

    [Fact]
    public void Train_RejectsFeaturesWithoutOneRowPerItem()
    {
        var log = Walks(users: 10);
        using var features = Features(log.ItemCount - 1);

        var error = Assert.Throws<ArgumentException>(() => SequentialRecommender.Train(log, features, Options(epochs: 1)));
        Assert.Contains("one per index", error.Message);
    }

    [Fact]
    public void IdShrinkage_WeighsEachItemsIdByItsTrainingCount()
    {
        Assert.Equal([0f, 1f / 6, 0.5f, 0.95f], SequentialTrainer.IdWeights([0, 1, 5, 95], 5f));
        Assert.Equal([0f, 1f, 1f], SequentialTrainer.IdWeights([0, 1, 95], 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequentialRecommender.Train(Walks(users: 10), options: new SequentialOptions { IdShrinkage = -1 }));
    }

    [Fact]
    public void IdShrinkage_MakesARareItemsVectorRestOnItsFeatures()
    {
        // Items 0 and 1 get the same features: with a shrinkage far above their counts, only the ID view tells them apart.
        var log = Walks(users: 40);
        var (first, second) = (log.ItemIds.GetIndex("i0"), log.ItemIds.GetIndex("i1"));
        var values = Features(log.ItemCount).Values.ToArray();
        values.AsSpan(first * 5, 5).CopyTo(values.AsSpan(second * 5, 5));
        using var features = VectorMatrix.Create(values, 5);

        float Gap(float shrinkage)
        {
            var items = SequentialRecommender.Train(log, features, Options(epochs: 3, idShrinkage: shrinkage)).Model.Factors;
            return items.GetItemVector(first).ToArray().Zip(items.GetItemVector(second).ToArray(), (a, b) => Math.Abs(a - b)).Max();
        }

        Assert.True(Gap(0) > 1e-2, $"Without shrinkage the ID vectors should separate the two items; gap {Gap(0)}.");
        Assert.True(Gap(1e6f) < 1e-4, $"With shrinkage the two items should be their features alone; gap {Gap(1e6f)}.");
    }

    /// <summary>ID shrinkage and ID dropout act on the ID embedding beside the features; without features they do nothing.</summary>
    [Theory]
    [InlineData(5f, 0f)]
    [InlineData(0f, 0.5f)]
    public void IdShrinkageAndIdDropout_LeaveAnIdOnlyModelUnchanged(float idShrinkage, float idDropout)
    {
        var log = Walks(users: 40);

        var plain = SequentialRecommender.Train(log, options: Options(epochs: 2)).Model.Factors;
        var changed = SequentialRecommender.Train(log, options: Options(epochs: 2, idShrinkage: idShrinkage, idDropout: idDropout)).Model.Factors;

        Assert.Equal(plain.ItemVectors.ToArray(), changed.ItemVectors.ToArray());
    }

    [Fact]
    public void IdDropout_IsAProbabilityBelowOne()
    {
        foreach (var rate in new[] { -0.1f, 1f, float.NaN })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => SequentialRecommender.Train(Walks(users: 10), options: new SequentialOptions { IdDropout = rate }));
            Assert.Equal(nameof(SequentialOptions.IdDropout), error.ParamName);
        }
    }

    [Fact]
    public void IdDropout_IsDeterministicForASeed_AndChangesTheFeatureModel()
    {
        var log = Walks(users: 40);
        using var features = Features(log.ItemCount);

        float[] Items(float idDropout, int threads) =>
            SequentialRecommender.Train(log, features, Options(threads, epochs: 2, idDropout: idDropout)).Model.Factors.ItemVectors.ToArray();

        var dropped = Items(0.5f, threads: 1);
        Assert.Equal(dropped, Items(0.5f, threads: 1));
        Assert.Equal(dropped, Items(0.5f, threads: 2));
        Assert.NotEqual(Items(0f, threads: 1), dropped);
    }

    private static VectorMatrix Features(int items)
    {
        var random = new Random(4);
        return VectorMatrix.Create(Enumerable.Range(0, items * 5).Select(_ => (float)random.NextDouble()).ToArray(), 5);
    }

    /// <summary>The walk's next item from its last two (which give the stride).</summary>
    private static int Next(InteractionLog log, int previous, int last)
    {
        var (p, l) = (Number(log, previous), Number(log, last));
        var stride = ((l - p) + Items) % Items;
        return log.ItemIds.GetIndex($"i{(l + stride) % Items}");
    }

    private static int Number(InteractionLog log, int item) => int.Parse(log.ItemIds[item].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    private static int[][] UserSequencesOf(InteractionLog log) => UserSequences.From(log);
}

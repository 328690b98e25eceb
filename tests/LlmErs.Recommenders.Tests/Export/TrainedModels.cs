using LlmErs.Recommenders.Tests.Models;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Export;

/// <summary>
/// A leave-one-out split of a clustered synthetic catalog (150 users, 400 items) and the models trained on it once for
/// every test class of this folder: BPR, embedding-initialized BPR, and a distilled two-tower model with user features.
/// </summary>
public sealed class TrainedModels : IDisposable
{
    public TrainedModels()
    {
        Catalog = SyntheticCatalog.Create(users: 150, items: 400, featureDimension: 16, itemsPerUser: 14, seed: 9);
        var builder = new InteractionLogBuilder();
        var pairs = new HashSet<(int, int)>();
        for (var n = 0; n < Catalog.Users.Length; n++)
        {
            if (pairs.Add((Catalog.Users[n], Catalog.Items[n])))
            {
                builder.Add($"u{Catalog.Users[n]}", $"i{Catalog.Items[n]}", timestamp: n);
            }
        }

        Split = LeaveOneOutSplitter.Split(builder.Build());
        Feedback = UserItemMatrix.Create(Split.Train);
        ItemFeatures = VectorMatrix.Create(Rows(Split.ItemIds, Catalog.FeatureDimension, (id, k) => Catalog.Features[(id * Catalog.FeatureDimension) + k]), Catalog.FeatureDimension);
        UserFeatures = VectorMatrix.Create(Rows(Split.UserIds, 3, (id, k) => Catalog.UserClusters[id] == k ? 1f : 0f), 3);

        Bpr = MatrixFactorization.Train(Feedback, new BprOptions { Dimension = 16, Epochs = 10, Seed = 3, LearningRate = 0.02f }).Model;
        using var initial = EmbeddingProjection.Pca(ItemFeatures, 8);
        EmbeddingInitializedBpr = MatrixFactorization.Train(Feedback, initial, new BprOptions { Dimension = 8, Epochs = 5, Seed = 4 }).Model;
        TwoTower = LlmErs.Recommenders.TwoTower.Train(Feedback, ItemFeatures, UserFeatures, new TwoTowerOptions
        {
            Dimension = 16,
            Epochs = 8,
            LearningRate = 0.02f,
            Seed = 5,
            Distillation = new DistillationOptions { Teacher = ContentBaseline.Create(Feedback, ItemFeatures), Weight = 0.5f },
        }).Model;
    }

    public SyntheticCatalog Catalog { get; }

    public DataSplit Split { get; }

    public UserItemMatrix Feedback { get; }

    public VectorMatrix ItemFeatures { get; }

    public VectorMatrix UserFeatures { get; }

    public FactorModel Bpr { get; }

    public FactorModel EmbeddingInitializedBpr { get; }

    public TwoTowerModel TwoTower { get; }

    /// <summary>What the evaluator masks for the test part: each user's train and validation items.</summary>
    public UserItemMatrix TestMask() => UserItemMatrix.Create(Split.Train, Split.Validation);

    /// <summary>The catalog index behind a split id ("i17" → 17).</summary>
    public static int Index(string id) => int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        ItemFeatures.Dispose();
        UserFeatures.Dispose();
    }

    private static float[] Rows(IdMap ids, int dimension, Func<int, int, float> value)
    {
        var rows = new float[ids.Count * dimension];
        for (var row = 0; row < ids.Count; row++)
        {
            for (var k = 0; k < dimension; k++)
            {
                rows[(row * dimension) + k] = value(Index(ids[row]), k);
            }
        }

        return rows;
    }
}

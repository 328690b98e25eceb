using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class DistillationTests : IDisposable
{
    private static readonly SyntheticCatalog Catalog = SyntheticCatalog.Create();
    private readonly VectorMatrix _features = Catalog.FeatureMatrix();

    public void Dispose() => _features.Dispose();

    private static BprOptions Options(DistillationOptions? distillation) => new()
    {
        Dimension = 16,
        Epochs = 15,
        BatchSize = 128,
        LearningRate = 0.02f,
        Seed = 3,
        MaxDegreeOfParallelism = 1,
        Distillation = distillation,
    };

    [Fact]
    public void WeightZero_TrainsExactlyAsWithoutDistillation()
    {
        var feedback = Catalog.Feedback();
        var teacher = ContentBaseline.Create(feedback, _features);

        var plain = MatrixFactorization.Train(feedback, Options(null));
        var weightZero = MatrixFactorization.Train(feedback, Options(new DistillationOptions { Teacher = teacher, Weight = 0 }));
        var weighted = MatrixFactorization.Train(feedback, Options(new DistillationOptions { Teacher = teacher, Weight = 1 }));

        Assert.Equal(plain.Model.ItemVectors.ToArray(), weightZero.Model.ItemVectors.ToArray());
        Assert.Equal(plain.Model.UserVectors.ToArray(), weightZero.Model.UserVectors.ToArray());
        Assert.Equal(plain.History.Epochs.Select(e => e.Loss), weightZero.History.Epochs.Select(e => e.Loss));
        Assert.All(weightZero.History.Epochs, e => Assert.Null(e.DistillationLoss));
        Assert.NotEqual(plain.Model.ItemVectors.ToArray(), weighted.Model.ItemVectors.ToArray());
    }

    [Fact]
    public void ATeacherThatKnowsTheContent_TeachesColdItems()
    {
        var feedback = Catalog.Feedback();
        var teacher = ContentBaseline.Create(feedback, _features);

        var plain = MatrixFactorization.Train(feedback, Options(null)).Model;
        var distilled = MatrixFactorization.Train(feedback, Options(new DistillationOptions { Teacher = teacher, Weight = 1, PairsPerPositive = 2 }));

        var (plainAuc, distilledAuc) = (Catalog.ColdItemAuc(plain), Catalog.ColdItemAuc(distilled.Model));
        Assert.True(distilledAuc > plainAuc + 0.2, $"Cold-item AUC: distilled {distilledAuc:F3}, plain {plainAuc:F3}.");
        var distillationLosses = distilled.History.Epochs.Select(e => e.DistillationLoss!.Value).ToArray();
        Assert.True(distillationLosses[^1] < distillationLosses[0], $"The distillation loss went from {distillationLosses[0]} to {distillationLosses[^1]}.");
    }

    [Fact]
    public void TheTeacherMustScoreTheSameItems()
    {
        var feedback = Catalog.Feedback();
        using var fewer = VectorMatrix.Create(new float[5 * 16], 16);
        var teacher = ContentBaseline.Create(UserItemMatrix.Create([0], [0], 1, 5), fewer);

        var error = Assert.Throws<ArgumentException>(() => MatrixFactorization.Train(feedback, Options(new DistillationOptions { Teacher = teacher })));
        Assert.Equal("Teacher", error.ParamName);
    }
}

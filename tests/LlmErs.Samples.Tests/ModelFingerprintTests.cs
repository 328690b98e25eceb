using LlmErs.Quickstart.MovieLens;
using LlmErs.Recommenders;

namespace LlmErs.Samples.Tests;

public sealed class ModelFingerprintTests
{
    [Fact]
    public void TheThreadCount_LeavesTheFingerprint_SinceTheModelHasTheSameBitsOnAny() =>
        Assert.Equal(
            ModelFingerprint.Of(new TwoTowerOptions { IdDropout = 0.5f }),
            ModelFingerprint.Of(new TwoTowerOptions { IdDropout = 0.5f, MaxDegreeOfParallelism = 1 }));

    [Fact]
    public void EveryTrainingSetting_ChangesTheFingerprint()
    {
        var reference = ModelFingerprint.Of(new TwoTowerOptions());
        BprOptions[] changed =
        [
            new TwoTowerOptions { IdDropout = 0.25f },
            new TwoTowerOptions { LearningRate = 0.002f },
            new TwoTowerOptions { Regularization = 0.03f },
            new TwoTowerOptions { Patience = 7 },
            new TwoTowerOptions { Seed = 7 },
            new TwoTowerOptions { NegativeSamples = 2 },
            new BprOptions(),
        ];

        Assert.All(changed, options => Assert.NotEqual(reference, ModelFingerprint.Of(options)));
    }
}

using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Export;

/// <summary>
/// What serving returns for a known user is what the evaluator measured: the same items, in the same order, with the
/// same scores to the bit — ties included, which is why the exported item rows follow the evaluator's tie order.
/// </summary>
public sealed class ServingEquivalenceTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private const int Users = 100;
    private const int Count = 20;

    [Fact]
    public void ServedTop20_EqualsTheEvaluatorsRanking_ForBpr()
    {
        AssertServingEqualsEvaluator(models.Bpr, folder => Export(models.Bpr, folder));
    }

    [Fact]
    public void ServedTop20_EqualsTheEvaluatorsRanking_ForTheTwoTowerModel()
    {
        AssertServingEqualsEvaluator(models.TwoTower, folder => ModelExport.Export(models.TwoTower, models.Split, folder, Options()));
    }

    [Fact]
    public void ServedTop20_EqualsTheEvaluatorsRanking_ForTheSequentialModel()
    {
        var options = new SequentialOptions { Dimension = 16, Blocks = 1, MaxLength = 10, Epochs = 2, Seed = 6 };
        var sequential = SequentialRecommender.Train(models.Split.Train, models.ItemFeatures, options).Model.WithHistories(models.Split.Train, models.Split.Validation);

        AssertServingEqualsEvaluator(sequential, folder => ModelExport.Export(sequential, models.Split, folder, Options()));
    }

    [Fact]
    public void ServedTop20_EqualsTheEvaluatorsRanking_WhenManyScoresTie()
    {
        // Coarse vectors make most scores tie, so the order within a tie decides most of each top 20.
        var bpr = models.Bpr;
        var coarse = new FactorModel(Round(bpr.UserVectors), Round(bpr.ItemVectors), bpr.Dimension);

        var ties = AssertServingEqualsEvaluator(coarse, folder => Export(coarse, folder));

        Assert.True(ties > Users * Count / 4, $"Only {ties} of the top-{Count} places tie with the place above; the test needs many ties.");
    }

    [Fact]
    public void ServedTop20_FollowsTheEvaluatorsTieSeed()
    {
        var bpr = models.Bpr;
        var coarse = new FactorModel(Round(bpr.UserVectors), Round(bpr.ItemVectors), bpr.Dimension);
        using var folder = new TempDirectory();
        ModelExport.Export(coarse, models.Split, folder.Path, Options(tieBreakSeed: 7));
        using var serving = ServingModel.Open(folder.Path);

        var served = serving.RecommendForUser(models.Split.UserIds[0], Count).Select(r => r.ItemId).ToList();

        // The other seed's order differs, so the match is the seed's doing.
        string[] Evaluator(int seed) => [.. EvaluatorRanking.Top(coarse, models.TestMask(), 0, Count, seed).Select(e => models.Split.ItemIds[e.Item])];
        Assert.Equal(Evaluator(7), served);
        Assert.NotEqual(Evaluator(42), served);
    }

    /// <returns>How many served places tie with the place above them.</returns>
    private int AssertServingEqualsEvaluator(IItemScorer model, Action<string> export)
    {
        using var folder = new TempDirectory();
        export(folder.Path);
        using var serving = ServingModel.Open(folder.Path);
        var mask = models.TestMask();
        var ties = 0;

        var evaluated = Enumerable.Range(0, models.Split.UserCount).Where(user => models.Split.Test.Users.IndexOf(user) >= 0).Take(Users).ToList();
        Assert.Equal(Users, evaluated.Count);
        foreach (var user in evaluated)
        {
            var expected = EvaluatorRanking.Top(model, mask, user, Count);
            var served = serving.RecommendForUser(models.Split.UserIds[user], Count);

            Assert.Equal(expected.Select(e => models.Split.ItemIds[e.Item]), served.Select(r => r.ItemId));
            Assert.Equal(expected.Select(e => BitConverter.SingleToInt32Bits(e.Score)), served.Select(r => BitConverter.SingleToInt32Bits(r.Score)));
            ties += served.Zip(served.Skip(1), (above, below) => above.Score == below.Score ? 1 : 0).Sum();
        }

        return ties;
    }

    private void Export(FactorModel model, string folder) => ModelExport.Export(model, models.Split, folder, Options());

    // The evaluator's test mask: serving leaves out what the evaluator leaves out.
    private ModelExportOptions Options(int tieBreakSeed = 42) =>
        new() { ModelName = "bpr", Version = "test", TieBreakSeed = tieBreakSeed, SeenItems = models.TestMask() };

    private static float[] Round(ReadOnlySpan<float> values)
    {
        var rounded = new float[values.Length];
        for (var j = 0; j < values.Length; j++)
        {
            rounded[j] = values[j] > 0 ? 0.25f : 0f;
        }

        return rounded;
    }
}

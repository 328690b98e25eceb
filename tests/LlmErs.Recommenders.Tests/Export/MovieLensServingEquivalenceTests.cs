using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Export;

/// <summary>On ml-latest-small: a served top 20 is the evaluator's ranking, for 100 users and a BPR model.</summary>
public sealed class MovieLensServingEquivalenceTests
{
    [MovieLensFact]
    public void ServedTop20_EqualsTheEvaluatorsRanking()
    {
        var split = LeaveOneOutSplitter.Split(MovieLensDataset.Load(MovieLensFolder.Path!).Ratings.Deduplicate());
        var model = MatrixFactorization.Train(UserItemMatrix.Create(split.Train), new BprOptions { Dimension = 32, Epochs = 3 }).Model;
        var mask = UserItemMatrix.Create(split.Train, split.Validation);
        using var folder = new TempDirectory();
        ModelExport.Export(model, split, folder.Path, new ModelExportOptions { ModelName = "bpr", Version = "movielens", SeenItems = mask });
        using var serving = ServingModel.Open(folder.Path);

        for (var user = 0; user < 100; user++)
        {
            var expected = EvaluatorRanking.Top(model, mask, user, 20);
            var served = serving.RecommendForUser(split.UserIds[user], 20);

            Assert.Equal(expected.Select(e => split.ItemIds[e.Item]), served.Select(r => r.ItemId));
            Assert.Equal(expected.Select(e => BitConverter.SingleToInt32Bits(e.Score)), served.Select(r => BitConverter.SingleToInt32Bits(r.Score)));
        }
    }
}

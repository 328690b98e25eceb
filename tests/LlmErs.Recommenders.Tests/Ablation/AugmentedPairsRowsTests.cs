using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Ablation;

public sealed class AugmentedPairsRowsTests
{
    [Fact]
    public void ThePairsBlock_TrainsTheModelsThatTakeIt_AndIsRemovedOnceFromEachEnhancedOne()
    {
        using var catalog = ClusteredCatalog.Create(users: 80, perUser: 10);
        var split = LeaveOneOutSplitter.Split(catalog.Log);
        var feedback = UserItemMatrix.Create(split.Train);
        var pairs = new AugmentedPairs
        {
            Pairs = [.. Enumerable.Range(0, split.UserCount).Select(user =>
            {
                var unseen = Enumerable.Range(0, split.ItemCount).Where(item => !feedback.Contains(user, item)).ToArray();
                return new TrainingPair(user, unseen[0], unseen[^1]);
            })],
        };
        var bpr = new BprOptions { Dimension = 8, Seed = 1, MaxDegreeOfParallelism = 1 };
        var twoTower = new TwoTowerOptions { Dimension = 8, Seed = 1, MaxDegreeOfParallelism = 1 };
        AblationOptions Options(AugmentedPairs? augmented, params AblationModel[] models) => new()
        {
            Models = models,
            AugmentedPairs = augmented,
            EpochBudget = 3,
            Evaluation = new EvaluationOptions { Metrics = [Metric.Ndcg(10)], Bootstrap = new BootstrapOptions { Resamples = 0 }, MaxDegreeOfParallelism = 1 },
        };

        var result = new AblationRunner(Options(
            pairs,
            AblationModel.IdOnlyBpr(bpr),
            AblationModel.IdOnlyBpr(bpr).WithAugmentedPairs("BPR + LLM-chosen pairs"),
            AblationModel.TwoTower(twoTower).WithAugmentedPairs())).Run(split, catalog.Blocks);
        var plain = new AblationRunner(Options(null, AblationModel.IdOnlyBpr(bpr), AblationModel.TwoTower(twoTower))).Run(split, catalog.Blocks);

        Assert.Equal(
            ["BPR (ID only)", "BPR + LLM-chosen pairs", "Two-tower", "Two-tower without informative", "Two-tower without noise", "Two-tower without LLM-chosen pairs"],
            result.Rows.Select(row => row.Name));
        Assert.Equal(["informative", "noise", "LLM-chosen pairs"], result.Blocks);
        var withoutPairs = result.Rows[^1];
        Assert.Equal((AblationRowKind.BlockRemoved, "LLM-chosen pairs"), (withoutPairs.Kind, withoutPairs.RemovedBlock));
        Assert.Equal(["informative", "noise"], withoutPairs.Blocks);
        Assert.Equal(["informative", "noise", "LLM-chosen pairs"], result.Rows[2].Blocks);
        Assert.Equal(["noise", "LLM-chosen pairs"], result.Rows[3].Blocks);
        Assert.Equal(["LLM-chosen pairs"], result.Rows[1].Blocks);

        // Without the pairs, a row is the plain model bit for bit; with them, it is not.
        Assert.Equal(Scores(plain.Rows[0].Scorer, split), Scores(result.Rows[0].Scorer, split));
        Assert.Equal(Scores(plain.Rows[1].Scorer, split), Scores(withoutPairs.Scorer, split));
        Assert.NotEqual(Scores(result.Rows[0].Scorer, split), Scores(result.Rows[1].Scorer, split));
        Assert.NotEqual(Scores(plain.Rows[1].Scorer, split), Scores(result.Rows[2].Scorer, split));
        Assert.Throws<ArgumentException>(() => new AblationRunner(Options(pairs, AblationModel.IdOnlyBpr(bpr))));
    }

    private static float[] Scores(IItemScorer scorer, DataSplit split)
    {
        var scores = new float[split.UserCount * split.ItemCount];
        for (var user = 0; user < split.UserCount; user++)
        {
            scorer.ScoreItems(user, scores.AsSpan(user * split.ItemCount, split.ItemCount));
        }

        return scores;
    }
}

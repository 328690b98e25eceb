using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Ablation;

/// <summary>A user-side block ("user profile"): the two-tower models read it, and each gets a row without it.</summary>
public sealed class UserBlockAblationTests(AblationRuns runs) : IClassFixture<AblationRuns>
{
    private const string Profile = "user profile";

    [Fact]
    public void TheTwoTowerModels_GetARowWithoutTheUserBlock_AndOtherModelsNeverReadIt()
    {
        using var profiles = Profiles(runs.LeaveOneOutSplit);
        var result = new AblationRunner(AblationRuns.Options()).Run(runs.LeaveOneOutSplit, [.. runs.Catalog.Blocks, FeatureBlock.ForUsers(Profile, profiles)]);

        Assert.Equal(
            [
                "Popularity", "BPR (ID only)", "Content only",
                "BPR + embedding init", "BPR + embedding init without informative", "BPR + embedding init without noise",
                "Two-tower", "Two-tower without informative", "Two-tower without noise", "Two-tower without user profile",
                "Two-tower + distillation", "Two-tower + distillation without informative", "Two-tower + distillation without noise", "Two-tower + distillation without user profile",
            ],
            result.Rows.Select(row => row.Name));
        Assert.Equal(["informative", "noise", Profile], result.Blocks);
        Assert.Equal(["informative", "noise", Profile], result["Two-tower"].Blocks);
        Assert.Equal(["noise", Profile], result["Two-tower without informative"].Blocks);
        Assert.Equal(["informative", "noise"], result["Two-tower without user profile"].Blocks);
        Assert.Equal(["informative", "noise"], result["BPR + embedding init"].Blocks);
        Assert.Equal(["informative", "noise"], result["Content only"].Blocks);

        // Without the user block, a row is bit for bit the row of a run that never had one.
        foreach (var name in new[] { "Popularity", "BPR (ID only)", "Content only", "BPR + embedding init", "BPR + embedding init without noise" })
        {
            Assert.Equal(Scores(runs.LeaveOneOut[name].Scorer), Scores(result[name].Scorer));
        }

        Assert.Equal(Scores(runs.LeaveOneOut["Two-tower"].Scorer), Scores(result["Two-tower without user profile"].Scorer));
        Assert.Equal(Scores(runs.LeaveOneOut["Two-tower + distillation"].Scorer), Scores(result["Two-tower + distillation without user profile"].Scorer));
        Assert.NotEqual(Scores(result["Two-tower without user profile"].Scorer), Scores(result["Two-tower"].Scorer));
    }

    [Fact]
    public void AUserBlock_WithOneRowPerItem_IsRejectedWithTheUserCount()
    {
        var split = runs.LeaveOneOutSplit;
        using var wrong = VectorMatrix.Create(new float[split.ItemCount * 2], 2);
        var runner = new AblationRunner(AblationRuns.Options());

        var error = Assert.Throws<ArgumentException>(() => runner.Run(split, [.. runs.Catalog.Blocks, FeatureBlock.ForUsers(Profile, wrong)]));

        Assert.Contains($"The user feature block '{Profile}' has {split.ItemCount} rows; give one per user of the split ({split.UserCount})", error.Message, StringComparison.Ordinal);
        Assert.Contains("DataSplit.UserIds", error.Message, StringComparison.Ordinal);
        using var profiles = Profiles(split);
        var alone = Assert.Throws<ArgumentException>(() => runner.Run(split, [FeatureBlock.ForUsers(Profile, profiles)]));
        Assert.Contains("no item feature block", alone.Message, StringComparison.Ordinal);
    }

    /// <summary>Each user's mean "informative" row over their training items: a profile written from the training history only.</summary>
    private VectorMatrix Profiles(DataSplit split)
    {
        var items = runs.Catalog.Blocks[0].Values;
        var dimension = items.Dimension;
        var profiles = new float[split.UserCount * dimension];
        var counts = split.Train.CountPerUser();
        for (var row = 0; row < split.Train.Count; row++)
        {
            var (user, item) = (split.Train.Users[row], split.Train.Items[row]);
            var source = items.GetRow(item);
            for (var k = 0; k < dimension; k++)
            {
                profiles[(user * dimension) + k] += source[k] / counts[user];
            }
        }

        return VectorMatrix.Create(profiles, dimension);
    }

    private static float[] Scores(IItemScorer scorer)
    {
        var scores = new float[scorer.ItemCount * 3];
        for (var user = 0; user < 3; user++)
        {
            scorer.ScoreItems(user, scores.AsSpan(user * scorer.ItemCount, scorer.ItemCount));
        }

        return scores;
    }
}

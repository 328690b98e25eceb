using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class SliceTests
{
    [Fact]
    public void ItemBuckets_FollowTheDocumentedThresholds()
    {
        // Training counts per item: 0 1 5 6 7 8 9 20 20 20. Nine items were seen; the top 20% is ⌈1.8⌉ = 2 items, whose
        // lowest count is 20, so all three items with 20 are head (ties included). Cold is ≤ 5, including the unseen one.
        int[] counts = [0, 1, 5, 6, 7, 8, 9, 20, 20, 20];
        var builder = new InteractionLogBuilder();
        for (var item = 0; item < counts.Length; item++)
        {
            builder.Add("anchor", $"i{item}", 0);
            for (var n = 0; n < counts[item]; n++)
            {
                builder.Add($"u{n}", $"i{item}", 1);
            }
        }

        // The anchor user gives each item one extra interaction; leave it out of the training log.
        var log = builder.Build();
        var train = log.Select([.. Enumerable.Range(0, log.Count).Where(row => log[row].User != 0)]);

        var layout = SliceLayout.Create(train, new SliceOptions());

        Assert.Equal([0, 0, 0, 1, 1, 1, 1, 2, 2, 2], layout.ItemBuckets.Select(b => (int)b));
        Assert.Equal([Slice.ColdName, Slice.LongTailName, Slice.HeadName], layout.ItemSlices.Select(s => s.Name));
        Assert.Contains("at most 5 training interactions, none included (3 items)", layout.ItemSlices[0].Description);
        Assert.Contains("6 to 19 training interactions (4 items)", layout.ItemSlices[1].Description);
        Assert.Contains("at least 20 training interactions: the top 20% of the 9 items seen in training, ties included (3 items)", layout.ItemSlices[2].Description);
    }

    [Fact]
    public void UserBuckets_UseInclusiveUpperBounds()
    {
        var log = Logs.Parse("a x 1", "b x 1", "b y 2", "c x 1", "c y 2", "c z 3");

        var layout = SliceLayout.Create(log, new SliceOptions { UserHistoryUpperBounds = [1, 2] });

        Assert.Equal([0, 1, 2], layout.UserBuckets);
        Assert.Equal(["<=1", "2-2", ">2"], layout.UserSlices.Select(s => s.Name));
    }

    [Fact]
    public void Slices_PartitionTheTestCases()
    {
        var split = TemporalSplitter.Split(Logs.Random(users: 150, items: 80, perUser: 10, seed: 13), SplitFractions.Default);
        var scorer = TableScorer.RandomWithTies(split.UserCount, split.ItemCount, seed: 14);

        var result = new RankingEvaluator(new EvaluationOptions { Bootstrap = new BootstrapOptions { Resamples = 20 } }).EvaluateFullRanking(scorer, split);

        var items = result.Slices.Where(s => s.Slice.Group == SliceGroup.ItemPopularity).ToArray();
        var users = result.Slices.Where(s => s.Slice.Group == SliceGroup.UserHistory).ToArray();
        Assert.Equal(split.Test.Count, result.Overall.TestCaseCount);
        Assert.Equal(result.Overall.TestCaseCount, items.Sum(s => s.TestCaseCount));
        Assert.Equal(result.Overall.TestCaseCount, users.Sum(s => s.TestCaseCount));
        Assert.Equal(result.Overall.UserCount, users.Sum(s => s.UserCount));
        Assert.True(items.Sum(s => s.UserCount) >= result.Overall.UserCount);
        Assert.Same(result.Overall, result.FindSlice(SliceGroup.Overall, Slice.OverallName));
        Assert.Null(result.FindSlice(SliceGroup.ItemPopularity, "lukewarm"));
    }

    [Fact]
    public void AnItemSlice_KeepsTheRankingButRestrictsTheRelevantItems()
    {
        // One user, test items a (popular) and b (cold); the scorer puts b first and a third.
        var log = Logs.Parse(
            "u1 p 1", "u2 a 1", "u3 a 1", "u4 a 1", "u5 a 1", "u6 a 1", "u7 a 1",
            "t q 1", "t a 2", "t b 3");
        var train = log.Select([.. Enumerable.Range(0, 8)]);
        var test = log.Select([8, 9]);
        var split = SplitOf(train, test);
        var scores = new float[split.UserCount][];
        for (var user = 0; user < scores.Length; user++)
        {
            scores[user] = new float[split.ItemCount];
        }

        var row = scores[split.UserIds.GetIndex("t")];
        row[split.ItemIds.GetIndex("b")] = 0.9f;
        row[split.ItemIds.GetIndex("p")] = 0.8f;
        row[split.ItemIds.GetIndex("a")] = 0.7f;
        var options = new EvaluationOptions { Bootstrap = new BootstrapOptions { Resamples = 0 }, Slices = new SliceOptions { ColdItemMaxTrainInteractions = 1, HeadItemShare = 0.5 } };

        var result = new RankingEvaluator(options).EvaluateFullRanking(new TableScorer(scores), split);

        // Head slice: relevant {a} at rank 3 (b, p above); cold slice: relevant {b} at rank 1.
        Assert.Equal(1 / Math.Log2(4), result.FindSlice(SliceGroup.ItemPopularity, Slice.HeadName)![Metric.Ndcg(10)].Value, 12);
        Assert.Equal(1, result.FindSlice(SliceGroup.ItemPopularity, Slice.ColdName)![Metric.Ndcg(10)].Value, 12);
        Assert.Equal(2, result.Overall.TestCaseCount);
    }

    private static DataSplit SplitOf(InteractionLog train, InteractionLog test) =>
        new(SplitProtocol.Temporal, train, train.Select([]), test);
}

using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Ablation;
using LlmErs.Recommenders.Tests.Data;

namespace LlmErs.Recommenders.Tests.Pairs;

public sealed class PairCandidatesTests
{
    private static readonly BprOptions Base = new() { Dimension = 8, Epochs = 5, Seed = 3, MaxDegreeOfParallelism = 1 };

    [Fact]
    public void Candidates_AreUnseenTrainedItems_BestFirst_AndTheSameForASeed()
    {
        using var catalog = ClusteredCatalog.Create(users: 60, perUser: 10);
        var split = LeaveOneOutSplitter.Split(catalog.Log);
        var users = Enumerable.Range(0, split.UserCount).ToArray();
        var training = UserItemMatrix.Create(split.Train);
        var trained = training.CountPerItem();

        var set = PairCandidates.FromSplit(split, users, count: 8, Base);

        Assert.Equal(users, set.Users);
        var scores = new float[split.ItemCount];
        for (var u = 0; u < users.Length; u++)
        {
            Assert.Equal(8, set.Candidates[u].Length);
            Assert.All(set.Candidates[u], item => Assert.False(training.Contains(u, item)));
            Assert.All(set.Candidates[u], item => Assert.True(trained[item] > 0));
            set.BaseModel.ScoreItems(u, scores);
            var best = Enumerable.Range(0, split.ItemCount).Where(item => trained[item] > 0 && !training.Contains(u, item)).Max(item => scores[item]);
            Assert.Equal(best, scores[set.Candidates[u][0]]);
            Assert.True(set.Candidates[u].Zip(set.Candidates[u].Skip(1)).All(pair => scores[pair.First] >= scores[pair.Second]));
        }

        Assert.Equal(set.Candidates, PairCandidates.FromSplit(split, users, count: 8, Base).Candidates);
    }

    [Fact]
    public void HeldOutInteractions_NeverShapeTheCandidates_ThoughTrainingOnThemWould()
    {
        // Two logs that differ only in each user's last two interactions (validation and test): their test items move to
        // another item the user never had. With the same training part, the candidates must be the same.
        using var catalog = ClusteredCatalog.Create(users: 60, perUser: 10);
        var log = catalog.Log;
        var last = new int[log.UserCount];
        var secondLast = new int[log.UserCount];
        Array.Fill(last, -1);
        Array.Fill(secondLast, -1);
        for (var row = 0; row < log.Count; row++)
        {
            (secondLast[log.Users[row]], last[log.Users[row]]) = (last[log.Users[row]], row);
        }

        var items = log.Items.ToArray();
        var had = Enumerable.Range(0, log.UserCount).Select(_ => new HashSet<int>()).ToArray();
        for (var row = 0; row < log.Count; row++)
        {
            had[log.Users[row]].Add(items[row]);
        }

        foreach (var row in last.Concat(secondLast))
        {
            var user = log.Users[row];
            items[row] = Enumerable.Range(0, log.ItemCount).First(item => !had[user].Contains(item) && item != items[last[user]] && item != items[secondLast[user]]);
        }

        var moved = new InteractionLog(log.UserIds, log.ItemIds, log.Users.ToArray(), items, log.Timestamps.ToArray(), null);
        var (split, movedSplit) = (LeaveOneOutSplitter.Split(log), LeaveOneOutSplitter.Split(moved));
        Assert.Equal(split.Train.Items.ToArray(), movedSplit.Train.Items.ToArray());
        Assert.NotEqual(split.Test.Items.ToArray(), movedSplit.Test.Items.ToArray());
        var users = Enumerable.Range(0, split.UserCount).ToArray();

        var candidates = PairCandidates.FromSplit(split, users, count: 8, Base).Candidates;
        Assert.Equal(candidates, PairCandidates.FromSplit(movedSplit, users, count: 8, Base).Candidates);
        var histories = PairCandidates.LatestTrainingItems(split, 5);
        Assert.Equal(histories, PairCandidates.LatestTrainingItems(movedSplit, 5));
        var training = UserItemMatrix.Create(split.Train);
        Assert.All(users, user => Assert.All(histories[user], item => Assert.True(training.Contains(user, item))));
        Assert.All(users, user => Assert.Equal(items[secondLast[user] - 1], histories[user][^1]));

        // The same retrieval from a base model trained on the whole log (test part included) does depend on the test part.
        var leaky = PairCandidates.Retrieve(MatrixFactorization.Train(UserItemMatrix.Create(log), Base).Model, training, users, 8);
        var movedLeaky = PairCandidates.Retrieve(MatrixFactorization.Train(UserItemMatrix.Create(moved), Base).Model, training, users, 8);
        Assert.NotEqual(leaky, movedLeaky);
    }

    [Fact]
    public void ACold_item_split_never_offers_a_withheld_item()
    {
        using var catalog = ClusteredCatalog.Create(users: 60, perUser: 10);
        var split = ColdItemSplitter.Split(catalog.Log, new ColdItemSplitOptions { TestItemFraction = 0.15, ValidationItemFraction = 0.1, Seed = 3 });
        var withheld = split.WithheldTestItems.Concat(split.WithheldValidationItems).ToHashSet();

        var set = PairCandidates.FromSplit(split, [.. Enumerable.Range(0, split.UserCount)], count: 20, Base);

        Assert.NotEmpty(withheld);
        Assert.All(set.Candidates, candidates => Assert.DoesNotContain(candidates, withheld.Contains));
    }

    [Fact]
    public void LatestTrainingItems_AreTheMostRecentOldestFirst_TiesInLogOrder()
    {
        // u1's training part is a, b, c, d, e (f and g are held out); c and d share a time and keep their log order.
        var split = LeaveOneOutSplitter.Split(Logs.Parse("u1 b 2", "u1 a 1", "u1 c 3", "u1 d 3", "u1 e 4", "u1 f 5", "u1 g 6"));
        string[] Ids(int[] items) => [.. items.Select(item => split.ItemIds[item])];

        Assert.Equal(["c", "d", "e"], Ids(PairCandidates.LatestTrainingItems(split, 3)[0]));
        Assert.Equal(["a", "b", "c", "d", "e"], Ids(PairCandidates.LatestTrainingItems(split, 10)[0]));
    }
}

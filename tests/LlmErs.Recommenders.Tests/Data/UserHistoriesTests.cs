using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Data;

public sealed class UserHistoriesTests
{
    [Fact]
    public void AHistory_HoldsTheUsersTrainingInteractions_MostRecentFirst_WithRatings()
    {
        var log = Logs.Parse("u1 a 10 4", "u1 b 30 2", "u1 c 20 5", "u1 d 40 3", "u1 e 50 1", "u2 a 5 3", "u2 c 6 4", "u2 b 7 5");
        var split = LeaveOneOutSplitter.Split(log);

        var histories = UserHistories.FromTraining(split);

        Assert.Equal(split.UserCount, histories.Count);
        var u1 = histories[split.UserIds.GetIndex("u1")];
        // d (40) is validation and e (50) test under leave-one-out by time.
        Assert.Equal(["b", "c", "a"], u1.Select(entry => entry.Item));
        Assert.Equal([30L, 20, 10], u1.Select(entry => entry.Timestamp));
        Assert.Equal([2f, 5f, 4f], u1.Select(entry => entry.Rating));
        Assert.Equal(["a"], histories[split.UserIds.GetIndex("u2")].Select(entry => entry.Item));
    }

    [Fact]
    public void MaxLength_KeepsTheMostRecent_AndCutoff_DropsWhatCameLater()
    {
        var log = Logs.Parse("u1 a 10", "u1 b 20", "u1 c 30", "u1 d 40", "u1 e 50", "u1 f 60", "u1 g 70");
        var split = LeaveOneOutSplitter.Split(log);

        var recent = UserHistories.FromTraining(split, new UserHistoryOptions { MaxLength = 2 })[0];
        var cutoff = UserHistories.FromTraining(split, new UserHistoryOptions { Cutoff = 30 })[0];

        Assert.Equal(["e", "d"], recent.Select(entry => entry.Item));
        Assert.Equal(["c", "b", "a"], cutoff.Select(entry => entry.Item));
        Assert.All(cutoff, entry => Assert.Null(entry.Rating));
    }

    [Fact]
    public void NoValidationOrTestInteraction_EverJoinsAHistory_OnEitherProtocol()
    {
        var log = Logs.Random(users: 40, items: 60, perUser: 8, seed: 3);
        foreach (var split in new[] { LeaveOneOutSplitter.Split(log), ColdItemSplitter.Split(log, new ColdItemSplitOptions { TestItemFraction = 0.2, ValidationItemFraction = 0.1 }) })
        {
            var histories = UserHistories.FromTraining(split);
            var train = Pairs(split.Train);
            var heldOut = Pairs(split.Validation).Concat(Pairs(split.Test)).ToHashSet();
            for (var user = 0; user < split.UserCount; user++)
            {
                foreach (var entry in histories[user])
                {
                    var pair = (split.UserIds[user], entry.Item);
                    Assert.Contains(pair, train);
                    Assert.DoesNotContain(pair, heldOut);
                }

                Assert.Equal(Math.Min(50, split.Train.CountPerUser()[user]), histories[user].Count);
            }
        }
    }

    [Fact]
    public void ACatalogHistory_ResolvesItems_AndNamesAMissingOne()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Parse("u1 a 1", "u1 b 2", "u1 c 3", "u1 d 4"));
        var catalog = new Dictionary<string, string> { ["a"] = "Alpha", ["b"] = "Beta", ["c"] = "Gamma", ["d"] = "Delta" };

        Assert.Equal(["Beta", "Alpha"], UserHistories.FromTraining(split, catalog)[0].Select(entry => entry.Item));

        catalog.Remove("a");
        var missing = Assert.Throws<KeyNotFoundException>(() => UserHistories.FromTraining(split, catalog));
        Assert.Contains("Item 'a', in the training history of user 'u1', is not in the catalog", missing.Message, StringComparison.Ordinal);

        // The held-out items need not be in the catalog: they never join a history.
        catalog["a"] = "Alpha";
        catalog.Remove("d");
        Assert.Equal(2, UserHistories.FromTraining(split, catalog)[0].Count);
    }

    [Fact]
    public void RatingsFrom_GivesAnImplicitSplitsHistoryTheExplicitRatings()
    {
        var explicitLog = Logs.Parse("u1 a 1 4.5", "u1 b 2 1", "u1 c 3 3", "u1 d 4 2");
        var split = LeaveOneOutSplitter.Split(explicitLog.ToImplicit());

        var history = UserHistories.FromTraining(split, new UserHistoryOptions { RatingsFrom = explicitLog })[0];

        Assert.Equal([1f, 4.5f], history.Select(entry => entry.Rating));
        Assert.All(UserHistories.FromTraining(split)[0], entry => Assert.Null(entry.Rating));
        var error = Assert.Throws<ArgumentException>(() => UserHistories.FromTraining(split, new UserHistoryOptions { RatingsFrom = split.Train }));
        Assert.Contains("RatingsFrom is a log without ratings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyMaxLength_IsRejected_NamingTheOption()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Parse("u1 a 1", "u1 b 2", "u1 c 3"));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => UserHistories.FromTraining(split, new UserHistoryOptions { MaxLength = 0 }));

        Assert.Contains("UserHistoryOptions.MaxLength must be at least 1", error.Message, StringComparison.Ordinal);
    }

    private static HashSet<(string User, string Item)> Pairs(InteractionLog log) =>
        [.. Enumerable.Range(0, log.Count).Select(row => (log.UserIds[log.Users[row]], log.ItemIds[log.Items[row]]))];
}

using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Data;

public sealed class SplitterTests
{
    [Fact]
    public void LeaveOneOut_PutsTheLastByTimeInTestAndTheSecondLastInValidation()
    {
        // Rows out of time order; u's last two share a timestamp, so the later row counts as later.
        var log = Logs.Parse("u c 30", "u a 10", "u d 40", "u b 20", "u e 40", "v x 1", "v y 2", "w z 5");

        var split = LeaveOneOutSplitter.Split(log);

        Assert.Equal(["u e"], Logs.Pairs(split.Test));
        Assert.Equal(["u d"], Logs.Pairs(split.Validation));
        Assert.Equal(["u c", "u a", "u b", "v x", "v y", "w z"], Logs.Pairs(split.Train));
        Assert.Equal(SplitProtocol.LeaveOneOut, split.Protocol);
    }

    [Fact]
    public void LeaveOneOut_OnARandomLog_KeepsItsInvariants()
    {
        var log = Logs.Random(users: 200, items: 50, perUser: 6, seed: 1);
        var split = LeaveOneOutSplitter.Split(log);
        var counts = log.CountPerUser();
        var train = UserItemMatrix.Create(split.Train);
        var latestTrain = LatestPerUser(split.Train);

        Assert.Equal(log.Count, split.Train.Count + split.Validation.Count + split.Test.Count);
        Assert.Equal(counts.Count(c => c >= 3), split.Test.Count);
        Assert.Equal(split.Test.Count, split.Validation.Count);
        for (var row = 0; row < split.Test.Count; row++)
        {
            var test = split.Test[row];
            var validation = split.Validation[row];
            Assert.Equal(test.User, validation.User);
            Assert.False(train.Contains(test.User, test.Item), "a test item leaked into the user's training items");
            Assert.True(test.Timestamp >= validation.Timestamp);
            Assert.True(validation.Timestamp >= latestTrain[test.User]);
        }

        Assert.All(split.Test.Users.ToArray(), user => Assert.True(counts[user] >= 3));
        Assert.Equal(log.Count - (2 * split.Test.Count), split.Train.Count);
        Assert.Same(log.ItemIds, split.Test.ItemIds);
    }

    [Fact]
    public void Splitters_RejectRepeatedPairs()
    {
        var log = Logs.Parse("u a 1", "u b 2", "u a 3");

        var error = Assert.Throws<ArgumentException>(() => LeaveOneOutSplitter.Split(log));

        Assert.Contains("(user 'u', item 'a') at row 2", error.Message);
        Assert.Contains("Deduplicate()", error.Message);
        Assert.Throws<ArgumentException>(() => RandomSplitter.Split(log, SplitFractions.Default, 1));
        Assert.Throws<ArgumentException>(() => TemporalSplitter.Split(log, SplitFractions.Default));
        Assert.Throws<ArgumentException>(() => ColdItemSplitter.Split(log));
    }

    [Fact]
    public void Temporal_CutsAtTimeQuantiles_WithTiesOnTheEarlierSide()
    {
        var log = Logs.Parse("a i 1", "b i 2", "c i 3", "d i 4", "e i 4", "f i 5", "g i 6", "h i 7", "j i 8", "k i 9");

        var split = TemporalSplitter.Split(log, new SplitFractions(0.4, 0.2));

        // 40% is 4 rows, but the 4th and 5th share timestamp 4, so both train; 60% ends validation at the 6th row.
        Assert.Equal([1L, 2, 3, 4, 4], split.Train.Timestamps.ToArray());
        Assert.Equal([5L], split.Validation.Timestamps.ToArray());
        Assert.Equal([6L, 7, 8, 9], split.Test.Timestamps.ToArray());
    }

    [Fact]
    public void Temporal_OnARandomLog_EveryTestInteractionIsLaterThanEveryTrainingOne()
    {
        var log = Logs.Random(users: 100, items: 40, perUser: 5, seed: 2);

        var split = TemporalSplitter.Split(log, SplitFractions.Default);

        Assert.True(split.Train.Timestamps.ToArray().Max() < split.Validation.Timestamps.ToArray().Min());
        Assert.True(split.Validation.Timestamps.ToArray().Max() < split.Test.Timestamps.ToArray().Min());
        Assert.Equal(log.Count, split.Train.Count + split.Validation.Count + split.Test.Count);
        Assert.InRange(split.Train.Count, 0.75 * log.Count, 0.85 * log.Count);
    }

    [Fact]
    public void Temporal_WhenTiesLeaveNoTest_SaysSo()
    {
        var log = Logs.Parse("a i 1", "b i 2", "c i 2", "d i 2");
        Assert.Throws<InvalidOperationException>(() => TemporalSplitter.Split(log, new SplitFractions(0.5, 0)));
    }

    [Fact]
    public void Random_IsDeterministicForASeed_AndPartitionsTheLog()
    {
        var log = Logs.Random(users: 100, items: 40, perUser: 5, seed: 3);

        var first = RandomSplitter.Split(log, SplitFractions.Default, seed: 7);
        var again = RandomSplitter.Split(log, SplitFractions.Default, seed: 7);
        var other = RandomSplitter.Split(log, SplitFractions.Default, seed: 8);

        Assert.Equal(Logs.Pairs(first.Test), Logs.Pairs(again.Test));
        Assert.Equal(Logs.Pairs(first.Validation), Logs.Pairs(again.Validation));
        Assert.NotEqual(Logs.Pairs(first.Test), Logs.Pairs(other.Test));
        Assert.Equal((int)Math.Round(log.Count * 0.8), first.Train.Count);
        Assert.Equal((int)Math.Round(log.Count * 0.1), first.Validation.Count);
        var all = Logs.Pairs(first.Train).Concat(Logs.Pairs(first.Validation)).Concat(Logs.Pairs(first.Test));
        Assert.Equal(Logs.Pairs(log).Order(), all.Order());
    }

    [Fact]
    public void Fractions_AreValidated()
    {
        var log = Logs.Parse("u a 1", "u b 2");
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomSplitter.Split(log, new SplitFractions(0.9, 0.1), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TemporalSplitter.Split(log, new SplitFractions(0, 0.1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColdItemSplitter.Split(log, new ColdItemSplitOptions { TestItemFraction = 1 }));
    }

    [Fact]
    public void ColdItem_WithholdsASeededShareOfItemsFromTrainingEntirely()
    {
        var log = Logs.Random(users: 150, items: 60, perUser: 8, seed: 4);
        var options = new ColdItemSplitOptions { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 11 };

        var split = ColdItemSplitter.Split(log, options);
        var again = ColdItemSplitter.Split(log, options);
        var otherSeed = ColdItemSplitter.Split(log, new ColdItemSplitOptions { Seed = 12 });

        Assert.Equal(6, split.WithheldTestItems.Count);
        Assert.Equal(3, split.WithheldValidationItems.Count);
        Assert.Empty(split.WithheldTestItems.Intersect(split.WithheldValidationItems));
        var trainItems = split.Train.Items.ToArray().ToHashSet();
        Assert.Empty(trainItems.Intersect(split.WithheldTestItems));
        Assert.Empty(trainItems.Intersect(split.WithheldValidationItems));
        Assert.All(split.Test.Items.ToArray(), item => Assert.Contains(item, split.WithheldTestItems));
        Assert.All(split.Validation.Items.ToArray(), item => Assert.Contains(item, split.WithheldValidationItems));
        Assert.Equal(log.CountPerItem().Where((_, item) => split.WithheldTestItems.Contains(item)).Sum(), split.Test.Count);
        Assert.Equal(split.WithheldTestItems, again.WithheldTestItems);
        Assert.NotEqual(split.WithheldTestItems, otherSeed.WithheldTestItems);
        Assert.Equal(split.WithheldTestItems.Order(), split.WithheldTestItems);
    }

    private static long[] LatestPerUser(InteractionLog log)
    {
        var latest = new long[log.UserCount];
        Array.Fill(latest, long.MinValue);
        for (var row = 0; row < log.Count; row++)
        {
            latest[log[row].User] = Math.Max(latest[log[row].User], log[row].Timestamp);
        }

        return latest;
    }
}

using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Data;

public sealed class InteractionLogTests
{
    [Fact]
    public void Builder_AssignsDenseIndicesInOrderOfFirstAppearance()
    {
        var log = Logs.Parse("alice m9 5 4", "bob m2 6 3", "alice m2 7 5");

        Assert.Equal(["alice", "bob"], log.UserIds.Keys);
        Assert.Equal(["m9", "m2"], log.ItemIds.Keys);
        Assert.Equal([0, 1, 0], log.Users.ToArray());
        Assert.Equal([0, 1, 1], log.Items.ToArray());
        Assert.Equal(new Interaction(0, 1, 7, 5f), log[2]);
        Assert.Equal([1, 2], log.CountPerItem());
        Assert.Equal([2, 1], log.CountPerUser());
    }

    [Fact]
    public void Builder_RejectsARatingOnSomeInteractionsOnly()
    {
        var builder = new InteractionLogBuilder();
        builder.Add("u", "i", 1, 4f);

        var error = Assert.Throws<ArgumentException>(() => builder.Add("u", "j", 2));
        Assert.Contains("every interaction or for none", error.Message);
    }

    [Fact]
    public void Builder_RejectsAnEmptyId()
    {
        var error = Assert.Throws<ArgumentException>(() => new InteractionLogBuilder().Add(" ", "i", 1));
        Assert.Contains("empty user id", error.Message);
    }

    [Fact]
    public void IdMap_RejectsDuplicatesAndExplainsMissingKeys()
    {
        Assert.Throws<ArgumentException>(() => new IdMap(["a", "b", "a"]));
        var map = new IdMap(["a", "b"]);
        Assert.Equal(1, map.GetIndex("b"));
        Assert.False(map.TryGetIndex("c", out _));
        Assert.Contains("'c'", Assert.Throws<KeyNotFoundException>(() => map.GetIndex("c")).Message);
    }

    [Fact]
    public void UserItemMatrix_UnitesLogsIntoSortedDistinctRows()
    {
        var log = Logs.Parse("u a 1", "u c 2", "v b 3", "u b 4");
        var split = LeaveOneOutSplitter.Split(log);

        var matrix = UserItemMatrix.Create(split.Train, split.Validation, split.Test);

        Assert.Equal([0, 1, 2], matrix.ItemsOf(0).ToArray());
        Assert.Equal([2], matrix.ItemsOf(1).ToArray());
        Assert.True(matrix.Contains(1, 2));
        Assert.False(matrix.Contains(1, 0));
        Assert.Equal(4, matrix.PairCount);
    }

    [Fact]
    public void UserItemMatrix_RejectsLogsWithDifferentIdMaps()
    {
        Assert.Throws<ArgumentException>(() => UserItemMatrix.Create(Logs.Parse("u a 1"), Logs.Parse("u a 1")));
    }
}

using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Data;

public sealed class UserItemMatrixTests
{
    [Fact]
    public void Create_GroupsByUser_SortsAndDropsRepeats()
    {
        var feedback = UserItemMatrix.Create([2, 0, 2, 0, 2], [5, 3, 1, 3, 4], userCount: 4, itemCount: 6);

        Assert.Equal(4, feedback.PairCount);
        Assert.Equal([3], feedback.ItemsOf(0).ToArray());
        Assert.Empty(feedback.ItemsOf(1).ToArray());
        Assert.Equal([1, 4, 5], feedback.ItemsOf(2).ToArray());
        Assert.Empty(feedback.ItemsOf(3).ToArray());
        Assert.True(feedback.Contains(2, 4));
        Assert.False(feedback.Contains(0, 4));
        Assert.Equal([0, 1, 0, 1, 1, 1], feedback.CountPerItem());
    }

    [Fact]
    public void Create_RejectsIndicesOutsideTheCounts()
    {
        var user = Assert.Throws<ArgumentException>(() => UserItemMatrix.Create([0, 3], [0, 0], userCount: 3, itemCount: 2));
        Assert.Equal("users", user.ParamName);
        Assert.Contains("Interaction 1 has user 3", user.Message);

        var item = Assert.Throws<ArgumentException>(() => UserItemMatrix.Create([0], [-1], userCount: 3, itemCount: 2));
        Assert.Equal("items", item.ParamName);

        Assert.Throws<ArgumentException>(() => UserItemMatrix.Create([0, 1], [0], userCount: 3, itemCount: 2));
    }
}

using LlmErs.Models;

namespace LlmErs.Runtime.Tests.Models;

public sealed class ImplicitFeedbackTests
{
    [Fact]
    public void Create_GroupsByUser_SortsAndDropsRepeats()
    {
        var feedback = ImplicitFeedback.Create([2, 0, 2, 0, 2], [5, 3, 1, 3, 4], userCount: 4, itemCount: 6);

        Assert.Equal(4, feedback.PairCount);
        Assert.Equal([3], feedback.GetItems(0).ToArray());
        Assert.Empty(feedback.GetItems(1).ToArray());
        Assert.Equal([1, 4, 5], feedback.GetItems(2).ToArray());
        Assert.Empty(feedback.GetItems(3).ToArray());
        Assert.True(feedback.Contains(2, 4));
        Assert.False(feedback.Contains(0, 4));
        Assert.Equal([0, 1, 0, 1, 1, 1], feedback.CountPerItem());
    }

    [Fact]
    public void Create_RejectsIndicesOutsideTheCounts()
    {
        var user = Assert.Throws<ArgumentException>(() => ImplicitFeedback.Create([0, 3], [0, 0], userCount: 3, itemCount: 2));
        Assert.Equal("users", user.ParamName);
        Assert.Contains("Interaction 1 has user 3", user.Message);

        var item = Assert.Throws<ArgumentException>(() => ImplicitFeedback.Create([0], [-1], userCount: 3, itemCount: 2));
        Assert.Equal("items", item.ParamName);

        Assert.Throws<ArgumentException>(() => ImplicitFeedback.Create([0, 1], [0], userCount: 3, itemCount: 2));
    }
}

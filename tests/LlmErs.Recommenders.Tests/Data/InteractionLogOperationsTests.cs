using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Data;

public sealed class InteractionLogOperationsTests
{
    [Fact]
    public void Deduplicate_KeepsTheLatestInteractionPerPair_AndTheLaterRowOnATie()
    {
        var log = Logs.Parse("u a 5 1", "u b 1 2", "u a 9 3", "u a 2 4", "u b 1 5");

        var deduplicated = log.Deduplicate();

        Assert.Equal(["u a", "u b"], Logs.Pairs(deduplicated));
        Assert.Equal([3f, 5f], deduplicated.Ratings.ToArray());
        Assert.Same(log.ItemIds, deduplicated.ItemIds);
    }

    [Fact]
    public void Deduplicate_ReturnsALogWithoutRepeatsAsItIs()
    {
        var log = Logs.Parse("u a 1", "u b 2");
        Assert.Same(log, log.Deduplicate());
    }

    [Fact]
    public void FilterKCore_RemovesUntilStable_AndReindexes()
    {
        // k = 2: item d has one interaction; dropping it leaves user w with one, which then drops item c to one.
        var log = Logs.Parse("u a 1", "u b 2", "v a 3", "v b 4", "w c 5", "w d 6", "x c 7");

        var core = log.FilterKCore(minPerUser: 2, minPerItem: 2);

        Assert.Equal(["u a", "u b", "v a", "v b"], Logs.Pairs(core));
        Assert.Equal(["u", "v"], core.UserIds.Keys);
        Assert.Equal(["a", "b"], core.ItemIds.Keys);
        Assert.All(core.CountPerItem(), count => Assert.True(count >= 2));
    }

    [Fact]
    public void ToImplicit_KeepsRatingsAtOrAboveTheThreshold_AndDropsRatings()
    {
        var log = Logs.Parse("u a 1 3.5", "u b 2 4", "v a 3 5", "v b 4 1");

        var positives = log.ToImplicit(minRating: 4);
        var all = log.ToImplicit();

        Assert.Equal(["u b", "v a"], Logs.Pairs(positives));
        Assert.False(positives.HasRatings);
        Assert.True(positives.Ratings.IsEmpty);
        Assert.Equal(4, all.Count);
        Assert.False(all.HasRatings);
        Assert.Same(log.ItemIds, positives.ItemIds);
    }

    [Fact]
    public void ToImplicit_WithAThresholdButNoRatings_SaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Logs.Parse("u a 1").ToImplicit(4));
        Assert.Contains("has no ratings", error.Message);
    }
}

using LlmErs.Recommenders;
using LlmErs.Vectors;

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

    [Theory]
    [InlineData(40, 203)]
    // Past the membership bits' budget the rows are searched instead: the draws must not change.
    [InlineData(3, (int)(UserItemMatrix.MaxMembershipBits / 64 / 3) * 64 + 64)]
    public void SampleNegative_DrawsWhatARejectionOverTheSortedRowDraws_InTheSameOrder(int users, int items)
    {
        var random = new Random(users);
        var (userIndices, itemIndices) = (new List<int>(), new List<int>());
        for (var user = 0; user < users; user++)
        {
            // Dense rows, so that many draws are rejected; items near the ends and at word boundaries included.
            foreach (var item in Enumerable.Range(0, Math.Min(items, 203)).Where(i => i is 0 or 63 or 64 || random.NextDouble() < 0.6).Append(items - 1))
            {
                userIndices.Add(user);
                itemIndices.Add(item);
            }
        }

        var feedback = UserItemMatrix.Create([.. userIndices], [.. itemIndices], users, items);

        for (var user = 0; user < users; user++)
        {
            var (drawn, expected) = (new SplitMix64((ulong)user), new SplitMix64((ulong)user));
            for (var draw = 0; draw < 200; draw++)
            {
                var negative = feedback.SampleNegative(user, ref drawn);
                Assert.False(feedback.Contains(user, negative));
                Assert.Equal(Reference(feedback.ItemsOf(user), items, ref expected), negative);
            }
        }

        static int Reference(ReadOnlySpan<int> positives, int items, ref SplitMix64 random)
        {
            while (true)
            {
                var item = random.NextInt32(items);
                if (positives.BinarySearch(item) < 0)
                {
                    return item;
                }
            }
        }
    }

    [Fact]
    public void SampleNegative_IsMinusOneForAUserWithEveryItem()
    {
        var feedback = UserItemMatrix.Create([0, 0, 0, 1], [0, 1, 2, 1], userCount: 2, itemCount: 3);
        var random = new SplitMix64(1);

        Assert.Equal(-1, feedback.SampleNegative(0, ref random));
        Assert.NotEqual(1, feedback.SampleNegative(1, ref random));
    }
}

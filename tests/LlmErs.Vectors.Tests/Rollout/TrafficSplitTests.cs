using LlmErs.Vectors;

namespace LlmErs.Vectors.Tests.Rollout;

public sealed class TrafficSplitTests
{
    [Fact]
    public void The_split_is_deterministic_and_close_to_its_percentage()
    {
        var split = new TrafficSplit("exp", 20);
        var again = new TrafficSplit("exp", 20);
        var users = Enumerable.Range(0, 20_000).Select(u => $"user-{u}").ToArray();

        Assert.All(users.Take(500), u => Assert.Equal(split.ArmOf(u), again.ArmOf(u)));
        var share = users.Count(u => split.ArmOf(u) == TrafficSplit.Treatment) / (double)users.Length;
        Assert.InRange(share, 0.19, 0.21);
        Assert.All(users, u => Assert.Equal(TrafficSplit.Control, new TrafficSplit("exp", 0).ArmOf(u)));
        Assert.All(users, u => Assert.Equal(TrafficSplit.Treatment, new TrafficSplit("exp", 100).ArmOf(u)));
    }

    [Fact]
    public void Raising_the_share_only_moves_users_into_the_treatment()
    {
        var at10 = new TrafficSplit("exp", 10);
        var at30 = new TrafficSplit("exp", 30);

        Assert.All(Enumerable.Range(0, 5_000).Select(u => $"u{u}").Where(u => at10.ArmOf(u) == TrafficSplit.Treatment),
            u => Assert.Equal(TrafficSplit.Treatment, at30.ArmOf(u)));
    }

    [Fact]
    public void The_bucket_is_a_stable_hash_not_a_per_process_one()
    {
        // XxHash64 of "exp\nalice" is fixed; string.GetHashCode would differ from run to run.
        Assert.Equal(new TrafficSplit("exp", 50).BucketOf("alice"), new TrafficSplit("exp", 1).BucketOf("alice"));
        Assert.Equal(Expected("exp\nalice"), new TrafficSplit("exp", 50).BucketOf("alice"));

        static int Expected(string key) => (int)(System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(key)) % TrafficSplit.Buckets);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void A_share_outside_0_to_100_is_refused(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrafficSplit("exp", percent));
}

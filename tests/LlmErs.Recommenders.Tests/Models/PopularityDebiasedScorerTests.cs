using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class PopularityDebiasedScorerTests
{
    /// <summary>Item "a" has 3 training interactions, "b" one; the fixed scorer prefers "a".</summary>
    private static InteractionLog Log()
    {
        var builder = new InteractionLogBuilder();
        builder.Add("u1", "a", timestamp: 1);
        builder.Add("u2", "a", timestamp: 2);
        builder.Add("u3", "a", timestamp: 3);
        builder.Add("u1", "b", timestamp: 4);
        return builder.Build();
    }

    [Fact]
    public void SubtractsPenaltyTimesLogOfOnePlusTheCount_SoTheRareItemCanOvertakeThePopularOne()
    {
        var log = Log();
        var (a, b) = (log.ItemIds.GetIndex("a"), log.ItemIds.GetIndex("b"));
        var fixedScores = new float[2];
        (fixedScores[a], fixedScores[b]) = (1f, 0.5f);

        var scorer = new PopularityDebiasedScorer(new FixedScorer(fixedScores), log, penalty: 1f);

        var scores = new float[2];
        scorer.ScoreItems(0, scores);
        Assert.Equal(1f - MathF.Log(4), scores[a], 5);
        Assert.Equal(0.5f - MathF.Log(2), scores[b], 5);
        Assert.True(scores[b] > scores[a]);
        var candidates = new float[1];
        scorer.ScoreItems(0, [b], candidates);
        Assert.Equal(scores[b], candidates[0]);
    }

    [Fact]
    public void PenaltyZero_LeavesTheScores()
    {
        var log = Log();
        var scores = new float[2];

        new PopularityDebiasedScorer(new FixedScorer([0.25f, 0.75f]), log, penalty: 0f).ScoreItems(0, scores);

        Assert.Equal([0.25f, 0.75f], scores);
    }

    [Fact]
    public void RejectsANegativePenalty_AndALogOfOtherItems()
    {
        var log = Log();

        Assert.Throws<ArgumentOutOfRangeException>(() => new PopularityDebiasedScorer(new FixedScorer([0f, 0f]), log, penalty: -0.5f));
        var error = Assert.Throws<ArgumentException>(() => new PopularityDebiasedScorer(new FixedScorer([0f, 0f, 0f]), log, penalty: 1f));
        Assert.Contains("2 items", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedScorer(float[] scores) : IItemScorer
    {
        public int ItemCount => scores.Length;

        public void ScoreItems(int user, Span<float> destination) => scores.CopyTo(destination);
    }
}

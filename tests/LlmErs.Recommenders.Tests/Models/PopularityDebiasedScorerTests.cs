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

    [Fact]
    public void CountCap_PenalizesEveryItemAtOrAboveTheCapAlike_SoOnlyTheRarerItemIsLifted()
    {
        // "a" 3 interactions, "c" 2, "b" 1; the scorer ranks a > c > b.
        var builder = new InteractionLogBuilder();
        var timestamp = 0L;
        foreach (var (user, item) in new[] { ("u1", "a"), ("u2", "a"), ("u3", "a"), ("u1", "c"), ("u2", "c"), ("u3", "b") })
        {
            builder.Add(user, item, ++timestamp);
        }

        var log = builder.Build();
        var (a, b, c) = (log.ItemIds.GetIndex("a"), log.ItemIds.GetIndex("b"), log.ItemIds.GetIndex("c"));
        var fixedScores = new float[3];
        (fixedScores[a], fixedScores[c], fixedScores[b]) = (1f, 0.9f, 0.5f);

        var scores = new float[3];
        new PopularityDebiasedScorer(new FixedScorer(fixedScores), log, penalty: 1f, countCap: 2).ScoreItems(0, scores);

        Assert.Equal(1f - MathF.Log(3), scores[a], 5);
        Assert.Equal(0.9f - MathF.Log(3), scores[c], 5);
        Assert.Equal(0.5f - MathF.Log(2), scores[b], 5);
        Assert.True(scores[a] > scores[c], "items at or above the cap keep the scorer's order");
        Assert.True(scores[b] > scores[c], "the rarer item is lifted above the capped ones");
    }

    [Fact]
    public void NoCap_OrACapAboveEveryCount_GivesTheUncappedScoresExactly()
    {
        var log = Log();
        var fixedScores = new FixedScorer([0.25f, 0.75f]);
        var (uncapped, none, high) = (new float[2], new float[2], new float[2]);

        new PopularityDebiasedScorer(fixedScores, log, penalty: 0.75f).ScoreItems(0, uncapped);
        new PopularityDebiasedScorer(fixedScores, log, penalty: 0.75f, countCap: null).ScoreItems(0, none);
        new PopularityDebiasedScorer(fixedScores, log, penalty: 0.75f, countCap: 3).ScoreItems(0, high);

        Assert.Equal(uncapped, none);
        Assert.Equal(uncapped, high);
    }

    [Fact]
    public void RejectsACapBelowOne()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PopularityDebiasedScorer(new FixedScorer([0f, 0f]), Log(), penalty: 1f, countCap: 0));

        Assert.Equal("countCap", error.ParamName);
        Assert.Contains("1 or more", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedScorer(float[] scores) : IItemScorer
    {
        public int ItemCount => scores.Length;

        public void ScoreItems(int user, Span<float> destination) => scores.CopyTo(destination);
    }
}

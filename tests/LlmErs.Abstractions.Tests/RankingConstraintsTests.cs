using LlmErs;

namespace LlmErs.Abstractions.Tests;

public sealed class RankingConstraintsTests
{
    [Fact]
    public void ARanking_CarriesTheKeysTheirDescriptionsAndTheCountBounds()
    {
        var ranking = AnswerConstraints.Ranking(["m1", "m2", "m3"], ["Alien", "Heat", "Up"], minCount: 2);

        Assert.Equal(AnswerKind.Ranking, ranking.Kind);
        Assert.Equal(["m1", "m2", "m3"], ranking.Choices);
        Assert.Equal(["Alien", "Heat", "Up"], ranking.ChoiceDescriptions);
        Assert.Equal((2, 3), (ranking.MinCount, ranking.MaxCount));
        Assert.Empty(AnswerConstraints.Tags(["a"], 0, 1).ChoiceDescriptions);
    }

    [Fact]
    public void ARankingWithRepeatedKeysMismatchedDescriptionsOrBadBounds_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => AnswerConstraints.Ranking(["m1", "m1"], ["a", "b"], 1));
        Assert.Throws<ArgumentException>(() => AnswerConstraints.Ranking(["m1", "m2"], ["a"], 1));
        Assert.Throws<ArgumentException>(() => AnswerConstraints.Ranking([], [], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerConstraints.Ranking(["m1"], ["a"], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerConstraints.Ranking(["m1"], ["a"], 2));
    }
}

using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class AreaUnderCurveTests
{
    [Fact]
    public void Auc_CountsATiedPairAsOneHalf()
    {
        // Pairs: 0.9>0.5, 0.9>0.1, 0.5=0.5 (½), 0.5>0.1 → 3.5 of 4.
        Assert.Equal(0.875, AreaUnderCurve.Compute([0.9f, 0.5f, 0.5f, 0.1f], [true, true, false, false]), 12);
        Assert.Equal(0.5, AreaUnderCurve.Compute([0.3f, 0.3f, 0.3f], [true, false, false]), 12);
        Assert.Equal(0, AreaUnderCurve.Compute([0.1f, 0.2f], [true, false]), 12);
    }

    [Fact]
    public void Auc_WithoutBothClasses_IsUndefined()
    {
        Assert.True(double.IsNaN(AreaUnderCurve.Compute([0.1f, 0.2f], [true, true])));
        Assert.True(double.IsNaN(AreaUnderCurve.Compute([], [])));
    }

    [Fact]
    public void Gauc_WeightsUsersByPositives_AndDropsUsersWithoutBothClasses()
    {
        float[] scores = [0.9f, 0.5f, 0.5f, 0.1f, 0.2f, 0.8f, 0.3f, 0.4f];
        bool[] labels = [true, true, false, false, true, false, true, false];
        int[] users = [1, 1, 1, 1, 2, 2, 3, 4];

        // User 1: 0.875 with 2 positives; user 2: 0 with 1; users 3 and 4 lack a negative or a positive.
        Assert.Equal(((2 * 0.875) + 0) / 3, AreaUnderCurve.Grouped(scores, labels, users), 12);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(3_000)] // enough positives for the bucket index
    public void Auc_MatchesTheMannWhitneyCount_WithTiesSignedZerosAndNegativeScores(int count)
    {
        var random = new Random(count);
        float[] pool = [-0f, 0f, -1.5f, 1e-30f, -1e-30f, 3f, 3.0000002f, float.NegativeInfinity, float.PositiveInfinity];
        var scores = Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? pool[random.Next(pool.Length)] : (random.Next(200) - 100) / 8f).ToArray();
        var labels = scores.Select(_ => random.Next(3) == 0).ToArray();
        double wins = 0, pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (labels[i] && !labels[j])
                {
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }

        Assert.Equal(wins / pairs, AreaUnderCurve.Compute(scores, labels), 12);
    }

    [Fact]
    public void DoubleScores_AreComparedAsDoubles()
    {
        // As floats both are 0.1f and tie (AUC ½); as doubles the positive is higher.
        Assert.Equal(1, AreaUnderCurve.Compute([0.1000000001, 0.1], [true, false]), 12);
        Assert.Equal(0.5, AreaUnderCurve.Compute([0.1000000001f, 0.1f], [true, false]), 12);
        Assert.Equal(1, AreaUnderCurve.Grouped([0.1000000001, 0.1, 0.3, 0.30000000001], [true, false, false, true], [1, 1, 2, 2]), 12);
        Assert.Throws<ArgumentException>(() => AreaUnderCurve.Compute([double.NaN, 1.0], [true, false]));
    }

    [Fact]
    public void NaNScoresAndMismatchedLengths_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => AreaUnderCurve.Compute([float.NaN, 1], [true, false]));
        Assert.Throws<ArgumentException>(() => AreaUnderCurve.Compute([1], [true, false]));
        Assert.Throws<ArgumentException>(() => AreaUnderCurve.Grouped([1, 2], [true, false], [1]));
    }
}

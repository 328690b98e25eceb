using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class RelevantRankerTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(1, 5)]
    [InlineData(1, 1003)]
    [InlineData(2, 60)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void Rank_MatchesBruteForce_WithTiesAndNaN(int relevantCount, int candidateCount)
    {
        var random = new Random(relevantCount + candidateCount);
        var scratch = new RankerScratch();
        for (var trial = 0; trial < 50; trial++)
        {
            var scores = Enumerable.Range(0, candidateCount).Select(_ => random.Next(12) == 0 ? float.NaN : random.Next(6) / 6f).ToArray();
            var tieKeys = Enumerable.Range(0, scores.Length).OrderBy(_ => random.Next()).ToArray();
            var relevant = Enumerable.Range(0, scores.Length).Where(i => !float.IsNaN(scores[i])).OrderBy(_ => random.Next()).Take(relevantCount).Order().ToArray();
            var ranks = new int[relevant.Length];
            var wins = new long[relevant.Length];

            RelevantRanker.Rank(scores, tieKeys, relevant, ranks, wins, scratch);

            for (var k = 0; k < relevant.Length; k++)
            {
                var (rank, doubledWins) = BruteForce(scores, tieKeys, relevant, relevant[k]);
                Assert.Equal(rank, ranks[k]);
                Assert.Equal(doubledWins, wins[k]);
            }
        }
    }

    [Fact]
    public void Rank_BreaksTiesByTieKey_AndHalvesTiedPairs()
    {
        // Candidates 0..3 with scores .5 .9 .5 .5; relevant 2 ties with 3 (lower key: above it) and 0 (below it).
        float[] scores = [0.5f, 0.9f, 0.5f, 0.5f];
        int[] tieKeys = [3, 2, 1, 0];
        var ranks = new int[1];
        var wins = new long[1];

        RelevantRanker.Rank(scores, tieKeys, [2], ranks, wins, new RankerScratch());

        Assert.Equal(3, ranks[0]);
        Assert.Equal(2, wins[0]);
    }

    private static (int Rank, long DoubledWins) BruteForce(float[] scores, int[] tieKeys, int[] relevant, int target)
    {
        var above = 0;
        var wins = 0L;
        for (var j = 0; j < scores.Length; j++)
        {
            if (j == target)
            {
                continue;
            }

            var nan = float.IsNaN(scores[j]);
            if (!nan && (scores[j] > scores[target] || (scores[j] == scores[target] && tieKeys[j] < tieKeys[target])))
            {
                above++;
            }

            if (!relevant.Contains(j))
            {
                wins += nan || scores[target] > scores[j] ? 2 : scores[target] == scores[j] ? 1 : 0;
            }
        }

        return (above + 1, wins);
    }
}

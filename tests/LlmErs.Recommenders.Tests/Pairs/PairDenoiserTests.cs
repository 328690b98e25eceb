using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Pairs;

public sealed class PairDenoiserTests
{
    [Fact]
    public void ThePairsTheBaseModelContradictsByMoreThanTheMargin_AreDropped_AndNoOthers()
    {
        // Item i scores i / 10 for user 0 and −i / 10 for user 1.
        var scorer = new FixedScorer(6);
        TrainingPair[] pairs =
        [
            new(0, 5, 1),   // agrees
            new(0, 1, 5),   // contradicted by 0.4
            new(0, 2, 3),   // contradicted by 0.1: within the margin
            new(1, 1, 5),   // agrees for user 1
            new(1, 5, 4),   // contradicted by 0.1 for user 1: within
            new(1, 5, 0),   // contradicted by 0.5
        ];

        var denoised = PairDenoiser.Prune(scorer, pairs, margin: 0.25f);

        Assert.Equal([pairs[0], pairs[2], pairs[3], pairs[4]], denoised.Kept);
        Assert.Equal([pairs[1], pairs[5]], denoised.Dropped);
        Assert.Equal(0.25f, denoised.Margin);
        Assert.Equal([pairs[0], pairs[3]], PairDenoiser.Prune(scorer, pairs, margin: 0).Kept);
        Assert.Throws<ArgumentOutOfRangeException>(() => PairDenoiser.Prune(scorer, pairs, margin: -1));
    }

    private sealed class FixedScorer(int itemCount) : IItemScorer
    {
        public int ItemCount => itemCount;

        public void ScoreItems(int user, Span<float> scores)
        {
            for (var item = 0; item < scores.Length; item++)
            {
                scores[item] = (user == 0 ? item : -item) / 10f;
            }
        }
    }
}

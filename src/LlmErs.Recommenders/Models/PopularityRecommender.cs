
namespace LlmErs.Recommenders;

/// <summary>
/// The popularity baseline: every user gets the same ranking, items ordered by their number of training
/// interactions. Non-personalized, so it is the floor a personalized model must clear, and it is strong on head items.
/// </summary>
public sealed class PopularityRecommender : IItemScorer
{
    private readonly float[] _scores;

    private PopularityRecommender(float[] scores)
    {
        _scores = scores;
    }

    /// <inheritdoc/>
    public int ItemCount => _scores.Length;

    /// <summary>Counts each item's interactions in <paramref name="train"/>.</summary>
    public static PopularityRecommender Fit(InteractionLog train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var counts = train.CountPerItem();
        var scores = new float[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            scores[i] = counts[i];
        }

        return new PopularityRecommender(scores);
    }

    /// <inheritdoc/>
    public void ScoreItems(int user, Span<float> scores) => _scores.CopyTo(scores);

    /// <inheritdoc/>
    public void ScoreItems(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        for (var j = 0; j < items.Length; j++)
        {
            scores[j] = _scores[items[j]];
        }
    }
}

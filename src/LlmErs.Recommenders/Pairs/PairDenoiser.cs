namespace LlmErs.Recommenders;

/// <summary>
/// Prunes chosen training pairs as LLMRec does: a pair whose "other" item the base model scores above its
/// "preferred" item by more than a margin is more likely noise than knowledge, and is dropped.
/// </summary>
public static class PairDenoiser
{
    /// <summary>Keeps the pairs the base model does not contradict by more than <paramref name="margin"/>.</summary>
    /// <param name="baseModel">The base model, trained on the training part only.</param>
    /// <param name="pairs">The pairs, in split indices.</param>
    /// <param name="margin">
    /// How far, in the base model's score units, <c>s(u, other) − s(u, preferred)</c> may go before the pair is dropped;
    /// 0 drops every pair the base model ranks the other way.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The margin is negative or not a number.</exception>
    public static PairDenoising Prune(IItemScorer baseModel, IReadOnlyList<TrainingPair> pairs, float margin)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(pairs);
        if (!float.IsFinite(margin) || margin < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must be zero or a positive number, in the base model's score units.");
        }

        var kept = new List<TrainingPair>(pairs.Count);
        var dropped = new List<TrainingPair>();
        Span<int> items = stackalloc int[2];
        Span<float> scores = stackalloc float[2];
        foreach (var pair in pairs)
        {
            (items[0], items[1]) = (pair.Preferred, pair.Other);
            baseModel.ScoreItems(pair.User, items, scores);
            (scores[1] - scores[0] > margin ? dropped : kept).Add(pair);
        }

        return new PairDenoising(kept, dropped, margin);
    }
}

namespace LlmErs.Recommenders;

/// <summary>
/// Another scorer's scores less <c>penalty · ln(1 + min(c_i, cap))</c>, c_i being item i's training interactions and the
/// cap none by default: popularity-debiased logits. A model trained with a softmax or BPR learns popularity into its scores, so an item with a handful
/// of interactions rarely reaches a top 10 among thousands however well its features match; the penalty trades
/// overall accuracy for reach into the long tail and the cold items, one knob chosen on validation. With a count cap
/// every item with at least <c>cap</c> interactions loses the same amount, so their order among themselves is the
/// scorer's and only the rarer items are lifted: the overall accuracy that rests on the popular items is kept.
/// </summary>
/// <remarks>
/// It changes ranking only, at scoring time, and needs no retraining. Use it on scores in logit units (a softmax
/// model such as <see cref="SequentialModel"/>, where 1 means "divide the popularity prior out"). Thread-safe when the
/// wrapped scorer is.
/// </remarks>
public sealed class PopularityDebiasedScorer : IItemScorer
{
    private readonly IItemScorer _scorer;
    private readonly float[] _penalties;

    /// <param name="scorer">The scorer whose scores are debiased.</param>
    /// <param name="train">The training interactions that count each item's popularity, in the scorer's item-index space.</param>
    /// <param name="penalty">The weight of <c>ln(1 + count)</c>; 0 leaves the scores as they are.</param>
    /// <exception cref="ArgumentException">The log has another number of items than the scorer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The penalty is negative or not a number.</exception>
    public PopularityDebiasedScorer(IItemScorer scorer, InteractionLog train, float penalty)
        : this(scorer, train, penalty, countCap: null)
    {
    }

    /// <param name="scorer">The scorer whose scores are debiased.</param>
    /// <param name="train">The training interactions that count each item's popularity, in the scorer's item-index space.</param>
    /// <param name="penalty">The weight of <c>ln(1 + min(count, countCap))</c>; 0 leaves the scores as they are.</param>
    /// <param name="countCap">The count above which items are penalized alike (1 or more); <see langword="null"/> penalizes every count by its own log.</param>
    /// <exception cref="ArgumentException">The log has another number of items than the scorer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The penalty is negative or not a number, or the cap is below 1.</exception>
    public PopularityDebiasedScorer(IItemScorer scorer, InteractionLog train, float penalty, int? countCap)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(train);
        if (!float.IsFinite(penalty) || penalty < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "The popularity penalty must be 0 or more; 0.5–1 suits softmax logits.");
        }

        if (countCap < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(countCap), countCap, "The count cap is a number of training interactions, 1 or more; null penalizes every count.");
        }

        if (train.ItemCount != scorer.ItemCount)
        {
            throw new ArgumentException($"The log has {train.ItemCount:N0} items and the scorer {scorer.ItemCount:N0}; give the training log of the scorer's split.", nameof(train));
        }

        _scorer = scorer;
        Penalty = penalty;
        CountCap = countCap;
        var cap = countCap ?? int.MaxValue;
        _penalties = Array.ConvertAll(train.CountPerItem(), count => penalty * MathF.Log(1 + Math.Min(count, cap)));
    }

    /// <summary>The weight of <c>ln(1 + count)</c>.</summary>
    public float Penalty { get; }

    /// <summary>The count above which items are penalized alike; <see langword="null"/> for none.</summary>
    public int? CountCap { get; }

    /// <inheritdoc/>
    public int ItemCount => _scorer.ItemCount;

    /// <inheritdoc/>
    public void ScoreItems(int user, Span<float> scores)
    {
        _scorer.ScoreItems(user, scores);
        for (var item = 0; item < scores.Length; item++)
        {
            scores[item] -= _penalties[item];
        }
    }

    /// <inheritdoc/>
    public void ScoreItems(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        _scorer.ScoreItems(user, items, scores);
        for (var j = 0; j < items.Length; j++)
        {
            scores[j] -= _penalties[items[j]];
        }
    }
}

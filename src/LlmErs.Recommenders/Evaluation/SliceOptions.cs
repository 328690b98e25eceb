namespace LlmErs.Recommenders;

/// <summary>How evaluation slices test cases by item popularity and users by history length, both counted in the training log.</summary>
public sealed class SliceOptions
{
    /// <summary>Items with at most this many training interactions (including none) form the cold slice; 5 by default.</summary>
    public int ColdItemMaxTrainInteractions { get; init; } = 5;

    /// <summary>
    /// The head slice: the most popular <see cref="HeadItemShare"/> of the items with at least one training
    /// interaction, tie-inclusive (every item as popular as the last one in goes in), cold items excepted; 0.2 by
    /// default. The long tail is every other item above the cold threshold.
    /// </summary>
    public double HeadItemShare { get; init; } = 0.2;

    /// <summary>
    /// Inclusive upper bounds of the user history-length buckets, ascending; a last bucket takes the longer histories.
    /// [20, 50, 150] by default: ≤20, 21–50, 51–150, &gt;150 training interactions.
    /// </summary>
    public IReadOnlyList<int> UserHistoryUpperBounds { get; init; } = [20, 50, 150];

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ColdItemMaxTrainInteractions, nameof(ColdItemMaxTrainInteractions));
        if (!(HeadItemShare > 0 && HeadItemShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(HeadItemShare), HeadItemShare, "The head share must be in (0, 1), e.g. 0.2.");
        }

        ArgumentNullException.ThrowIfNull(UserHistoryUpperBounds, nameof(UserHistoryUpperBounds));
        for (var i = 0; i < UserHistoryUpperBounds.Count; i++)
        {
            if (UserHistoryUpperBounds[i] < 0 || (i > 0 && UserHistoryUpperBounds[i] <= UserHistoryUpperBounds[i - 1]))
            {
                throw new ArgumentOutOfRangeException(nameof(UserHistoryUpperBounds), $"The history-length bounds must be non-negative and strictly ascending; got [{string.Join(", ", UserHistoryUpperBounds)}].");
            }
        }
    }
}

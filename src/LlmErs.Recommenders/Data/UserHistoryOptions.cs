namespace LlmErs.Recommenders;

/// <summary>Options of <see cref="UserHistories"/>.</summary>
public sealed class UserHistoryOptions
{
    /// <summary>The most recent interactions kept per user; 50 by default.</summary>
    public int MaxLength { get; init; } = 50;

    /// <summary>
    /// When set, only training interactions at or before this time (the log's unit: seconds since the Unix epoch, or
    /// row numbers) join a history: the moment the profiles are written, so that nothing later informs them.
    /// </summary>
    public long? Cutoff { get; init; }

    /// <summary>
    /// When set, the ratings come from this log (for example the explicit log a split's implicit one was made from with
    /// <see cref="InteractionLogOperations.ToImplicit"/>), looked up by user and item id for the training pairs only;
    /// when null, from the training log itself. A pair this log lacks has no rating.
    /// </summary>
    public InteractionLog? RatingsFrom { get; init; }

    internal void Validate()
    {
        if (RatingsFrom is { HasRatings: false })
        {
            throw new ArgumentException(
                $"{nameof(UserHistoryOptions)}.{nameof(RatingsFrom)} is a log without ratings; give the log that carries them (before ToImplicit), or leave it null.", nameof(RatingsFrom));
        }

        if (MaxLength < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxLength), MaxLength, $"{nameof(UserHistoryOptions)}.{nameof(MaxLength)} must be at least 1: it is how many recent interactions a history keeps.");
        }
    }
}

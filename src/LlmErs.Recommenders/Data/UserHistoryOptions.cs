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

    internal void Validate()
    {
        if (MaxLength < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxLength), MaxLength, $"{nameof(UserHistoryOptions)}.{nameof(MaxLength)} must be at least 1: it is how many recent interactions a history keeps.");
        }
    }
}

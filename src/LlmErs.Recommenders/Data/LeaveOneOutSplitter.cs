namespace LlmErs.Recommenders;

/// <summary>
/// Leave-one-out by time: for each user with at least <see cref="MinInteractions"/> interactions, the last one (by
/// timestamp; of equal timestamps, the later row) goes to test and the second-last to validation; everything else,
/// and every interaction of users with fewer, stays in training.
/// </summary>
public static class LeaveOneOutSplitter
{
    /// <summary>The fewest interactions a user needs to contribute a test and a validation interaction.</summary>
    public const int MinInteractions = 3;

    /// <summary>Splits <paramref name="log"/>; deterministic, no seed involved.</summary>
    /// <exception cref="ArgumentException">The log repeats a (user, item) pair; call <see cref="InteractionLogOperations.Deduplicate"/> first.</exception>
    public static DataSplit Split(InteractionLog log)
    {
        SplitGuard.RequireDistinctPairs(log);
        var (offsets, rows) = ChronologicalRows.PerUser(log);
        var parts = new byte[log.Count];
        for (var u = 0; u < offsets.Length - 1; u++)
        {
            var end = offsets[u + 1];
            if (end - offsets[u] >= MinInteractions)
            {
                parts[rows[end - 1]] = DataSplit.TestPart;
                parts[rows[end - 2]] = DataSplit.ValidationPart;
            }
        }

        return DataSplit.FromParts(SplitProtocol.LeaveOneOut, log, parts);
    }
}

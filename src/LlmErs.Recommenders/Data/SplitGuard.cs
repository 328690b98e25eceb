namespace LlmErs.Recommenders;

/// <summary>Checks shared by the splitters.</summary>
internal static class SplitGuard
{
    /// <summary>Rejects a log with repeated (user, item) pairs, which would let a test item also be a training item of the same user.</summary>
    public static void RequireDistinctPairs(InteractionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var row = log.FindRepeatedPair();
        if (row >= 0)
        {
            var interaction = log[row];
            throw new ArgumentException(
                $"The log repeats the pair (user '{log.UserIds[interaction.User]}', item '{log.ItemIds[interaction.Item]}') at row {row}. " +
                "Call Deduplicate() before splitting, so that no test item is also a training item of the same user.",
                nameof(log));
        }
    }
}

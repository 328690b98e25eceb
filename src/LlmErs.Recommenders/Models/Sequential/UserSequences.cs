namespace LlmErs.Recommenders;

/// <summary>Each user's items in time order, from one or more logs that share id maps (e.g. a split's training and validation parts).</summary>
internal static class UserSequences
{
    /// <summary>
    /// The items of each user, oldest first; equal timestamps keep the order of the logs, then of their rows. Indexed
    /// by user; users with no interaction get an empty array.
    /// </summary>
    public static int[][] From(params IReadOnlyList<InteractionLog> logs)
    {
        var first = logs[0];
        var events = new List<(long Time, int Log, int Row, int Item)>[first.UserCount];
        for (var l = 0; l < logs.Count; l++)
        {
            var log = logs[l];
            if (!log.SharesIdsWith(first))
            {
                throw new ArgumentException("The logs index users and items differently; give the parts of one split.", nameof(logs));
            }

            for (var row = 0; row < log.Count; row++)
            {
                (events[log.Users[row]] ??= []).Add((log.Timestamps[row], l, row, log.Items[row]));
            }
        }

        var sequences = new int[first.UserCount][];
        for (var user = 0; user < sequences.Length; user++)
        {
            var userEvents = events[user];
            if (userEvents is null)
            {
                sequences[user] = [];
                continue;
            }

            userEvents.Sort();
            sequences[user] = [.. userEvents.Select(e => e.Item)];
        }

        return sequences;
    }
}

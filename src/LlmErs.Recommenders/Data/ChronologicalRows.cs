namespace LlmErs.Recommenders;

/// <summary>Orders the rows of a log by time: globally, or per user.</summary>
internal static class ChronologicalRows
{
    /// <summary>All rows by (timestamp, row): equal timestamps keep the log's order.</summary>
    public static int[] Global(InteractionLog log)
    {
        var timestamps = log.Timestamps.ToArray();
        var rows = new int[log.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        Array.Sort(rows, (a, b) => timestamps[a] != timestamps[b] ? timestamps[a].CompareTo(timestamps[b]) : a.CompareTo(b));
        return rows;
    }

    /// <summary>
    /// The rows grouped by user: user <c>u</c>'s rows are <c>rows[offsets[u]..offsets[u + 1]]</c>, ordered by
    /// (timestamp, row).
    /// </summary>
    public static (int[] Offsets, int[] Rows) PerUser(InteractionLog log)
    {
        var users = log.Users;
        var offsets = new int[log.UserCount + 1];
        foreach (var user in users)
        {
            offsets[user + 1]++;
        }

        for (var u = 1; u < offsets.Length; u++)
        {
            offsets[u] += offsets[u - 1];
        }

        // A counting sort by user keeps ascending row order within each user, so the per-user sort only breaks timestamp ties by row.
        var rows = new int[log.Count];
        var fill = offsets[..^1];
        for (var row = 0; row < users.Length; row++)
        {
            rows[fill[users[row]]++] = row;
        }

        var timestamps = log.Timestamps.ToArray();
        Comparison<int> byTime = (a, b) => timestamps[a] != timestamps[b] ? timestamps[a].CompareTo(timestamps[b]) : a.CompareTo(b);
        for (var u = 0; u < offsets.Length - 1; u++)
        {
            rows.AsSpan(offsets[u], offsets[u + 1] - offsets[u]).Sort(byTime);
        }

        return (offsets, rows);
    }
}

namespace LlmErs.Recommenders;

/// <summary>Cleaning steps for an <see cref="InteractionLog"/>: de-duplication, k-core filtering, implicit feedback.</summary>
public static class InteractionLogOperations
{
    /// <summary>
    /// Keeps one interaction per (user, item) pair: the latest by timestamp, and of equal timestamps the later row.
    /// Kept rows stay in their original order and the id maps are unchanged.
    /// </summary>
    /// <remarks>The splitters require a log without repeated pairs, so a test item can never also be a training item of the same user.</remarks>
    public static InteractionLog Deduplicate(this InteractionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var users = log.Users;
        var items = log.Items;
        var timestamps = log.Timestamps;
        var latest = new Dictionary<long, int>(log.Count);
        for (var row = 0; row < log.Count; row++)
        {
            var key = InteractionLog.PairKey(users[row], items[row]);
            if (!latest.TryGetValue(key, out var kept) || timestamps[row] >= timestamps[kept])
            {
                latest[key] = row;
            }
        }

        if (latest.Count == log.Count)
        {
            return log;
        }

        var rows = latest.Values.ToArray();
        Array.Sort(rows);
        return log.Select(rows);
    }

    /// <summary>
    /// Repeatedly drops the interactions of users with fewer than <paramref name="minPerUser"/> interactions and of
    /// items with fewer than <paramref name="minPerItem"/>, until every remaining user and item meets its minimum
    /// (the k-core). The result is re-indexed: its id maps hold only the users and items that remain, in their
    /// original relative order.
    /// </summary>
    /// <remarks>Run <see cref="Deduplicate"/> first, or repeated pairs count more than once.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A minimum is below 1.</exception>
    public static InteractionLog FilterKCore(this InteractionLog log, int minPerUser, int minPerItem)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPerUser, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPerItem, 1);
        var users = log.Users;
        var items = log.Items;
        var alive = new bool[log.Count];
        Array.Fill(alive, true);
        bool changed;
        do
        {
            var userCounts = new int[log.UserCount];
            var itemCounts = new int[log.ItemCount];
            for (var row = 0; row < alive.Length; row++)
            {
                if (alive[row])
                {
                    userCounts[users[row]]++;
                    itemCounts[items[row]]++;
                }
            }

            changed = false;
            for (var row = 0; row < alive.Length; row++)
            {
                if (alive[row] && (userCounts[users[row]] < minPerUser || itemCounts[items[row]] < minPerItem))
                {
                    alive[row] = false;
                    changed = true;
                }
            }
        }
        while (changed);

        var rows = new List<int>(log.Count);
        for (var row = 0; row < alive.Length; row++)
        {
            if (alive[row])
            {
                rows.Add(row);
            }
        }

        return Compact(log, [.. rows]);
    }

    /// <summary>
    /// Converts explicit ratings to implicit feedback: keeps the interactions whose rating is at least
    /// <paramref name="minRating"/> (all of them when it is null) as positives, and drops the ratings.
    /// The id maps are unchanged, so users or items left without interactions keep their indices.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="minRating"/> is given and the log has no ratings.</exception>
    public static InteractionLog ToImplicit(this InteractionLog log, float? minRating = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (minRating is null)
        {
            return log.HasRatings ? log.WithoutRatings() : log;
        }

        if (!log.HasRatings)
        {
            throw new InvalidOperationException(
                $"A minimum rating of {minRating} was given but the log has no ratings; call ToImplicit() without a minimum, or load the rating column.");
        }

        var ratings = log.Ratings;
        var rows = new List<int>(log.Count);
        for (var row = 0; row < ratings.Length; row++)
        {
            if (ratings[row] >= minRating.Value)
            {
                rows.Add(row);
            }
        }

        return log.Select([.. rows]).WithoutRatings();
    }

    /// <summary>Keeps <paramref name="rows"/> and re-indexes users and items to those that occur in them.</summary>
    internal static InteractionLog Compact(InteractionLog log, int[] rows)
    {
        var (userIds, userRemap) = CompactIds(log.UserIds, log.Users, rows);
        var (itemIds, itemRemap) = CompactIds(log.ItemIds, log.Items, rows);
        return log.Select(rows, userIds, itemIds, userRemap, itemRemap);
    }

    private static (IdMap Ids, int[] Remap) CompactIds(IdMap ids, ReadOnlySpan<int> column, int[] rows)
    {
        var used = new bool[ids.Count];
        foreach (var row in rows)
        {
            used[column[row]] = true;
        }

        var remap = new int[ids.Count];
        var keys = new List<string>();
        for (var i = 0; i < used.Length; i++)
        {
            remap[i] = used[i] ? keys.Count : -1;
            if (used[i])
            {
                keys.Add(ids[i]);
            }
        }

        return (new IdMap(keys), remap);
    }
}

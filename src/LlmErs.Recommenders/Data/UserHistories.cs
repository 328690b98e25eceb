namespace LlmErs.Recommenders;

/// <summary>
/// Builds each user's history for profile prompts, leak-safe: from the split's <b>training</b> log only (no validation
/// or test interaction can reach a profile), at or before <see cref="UserHistoryOptions.Cutoff"/> when one is set, the
/// <see cref="UserHistoryOptions.MaxLength"/> most recent first, with the rating where the log has one.
/// </summary>
/// <remarks>
/// The result is indexed by the split's user index (<see cref="DataSplit.UserIds"/>), one list per user, empty for a
/// user with no training interaction, so a user-side feature block built from it lines up with the models' users.
/// </remarks>
public static class UserHistories
{
    /// <summary>Each user's training history, as item ids.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IReadOnlyList<IReadOnlyList<HistoryEntry<string>>> FromTraining(DataSplit split, UserHistoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        return FromTraining(split, split.ItemIds.Keys.ToArray(), options);
    }

    /// <summary>Each user's training history, as items of the catalog <paramref name="items"/>.</summary>
    /// <param name="split">The split; only its training log is read.</param>
    /// <param name="items">The catalog by item id; it must hold every item of the split's training log.</param>
    /// <param name="options">How much history to keep; defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="KeyNotFoundException">A training item is not in <paramref name="items"/>.</exception>
    public static IReadOnlyList<IReadOnlyList<HistoryEntry<TItem>>> FromTraining<TItem>(
        DataSplit split, IReadOnlyDictionary<string, TItem> items, UserHistoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(items);
        var catalog = new TItem[split.ItemCount];
        var train = split.Train;
        for (var row = 0; row < train.Count; row++)
        {
            var item = train.Items[row];
            if (catalog[item] is null)
            {
                var id = split.ItemIds[item];
                catalog[item] = items.TryGetValue(id, out var value)
                    ? value
                    : throw new KeyNotFoundException(
                        $"Item '{id}', in the training history of user '{split.UserIds[train.Users[row]]}', is not in the catalog given to {nameof(UserHistories)}: " +
                        "pass a catalog that holds every item of the split, or drop the item's interactions before splitting.");
            }
        }

        return FromTraining(split, catalog, options);
    }

    /// <summary>Each user's training history, <paramref name="catalog"/> giving the item at each item index.</summary>
    internal static IReadOnlyList<IReadOnlyList<HistoryEntry<TItem>>> FromTraining<TItem>(DataSplit split, TItem[] catalog, UserHistoryOptions? options)
    {
        options ??= new UserHistoryOptions();
        options.Validate();
        var train = split.Train;
        var rows = Enumerable.Range(0, split.UserCount).Select(_ => new List<int>()).ToArray();
        for (var row = 0; row < train.Count; row++)
        {
            if (options.Cutoff is not { } cutoff || train.Timestamps[row] <= cutoff)
            {
                rows[train.Users[row]].Add(row);
            }
        }

        var ratings = options.RatingsFrom is { } source ? RatingsOf(source) : null;
        float? Rating(int row) =>
            ratings is not null
                ? ratings.TryGetValue((split.UserIds[train.Users[row]], split.ItemIds[train.Items[row]]), out var rating) ? rating : null
                : train.HasRatings ? train.Ratings[row] : null;

        var histories = new IReadOnlyList<HistoryEntry<TItem>>[split.UserCount];
        for (var user = 0; user < histories.Length; user++)
        {
            // Most recent first; of two at the same time, the later row (the later-logged one).
            var userRows = rows[user];
            userRows.Sort((a, b) => train.Timestamps[b] != train.Timestamps[a] ? train.Timestamps[b].CompareTo(train.Timestamps[a]) : b.CompareTo(a));
            histories[user] = [.. userRows.Take(options.MaxLength).Select(row => new HistoryEntry<TItem>(
                catalog[train.Items[row]], train.Timestamps[row], Rating(row)))];
        }

        return histories;
    }

    /// <summary>The rating of each (user id, item id) pair; of repeated pairs, the latest row's.</summary>
    private static Dictionary<(string User, string Item), float> RatingsOf(InteractionLog log)
    {
        var ratings = new Dictionary<(string, string), float>(log.Count);
        for (var row = 0; row < log.Count; row++)
        {
            ratings[(log.UserIds[log.Users[row]], log.ItemIds[log.Items[row]])] = log.Ratings[row];
        }

        return ratings;
    }
}

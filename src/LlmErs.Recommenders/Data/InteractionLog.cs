namespace LlmErs.Recommenders;

/// <summary>
/// An immutable log of user–item interactions stored column-wise (struct of arrays): dense user and item indices,
/// timestamps and optional ratings or labels, with the <see cref="IdMap"/>s that translate indices back to source ids.
/// </summary>
/// <remarks>
/// Build one with <see cref="InteractionLogBuilder"/> or a loader (<see cref="MovieLensDataset"/>,
/// <see cref="InteractionFileLoader"/>); clean it with <see cref="InteractionLogOperations"/>; split it with
/// <see cref="LeaveOneOutSplitter"/>, <see cref="TemporalSplitter"/>, <see cref="RandomSplitter"/> or
/// <see cref="ColdItemSplitter"/>. The id maps may hold ids with no row in this log (for example the test items of a
/// training log): <see cref="UserCount"/> and <see cref="ItemCount"/> count the maps, not the rows.
/// </remarks>
public sealed class InteractionLog
{
    private readonly int[] _users;
    private readonly int[] _items;
    private readonly long[] _timestamps;
    private readonly float[]? _ratings;

    internal InteractionLog(IdMap userIds, IdMap itemIds, int[] users, int[] items, long[] timestamps, float[]? ratings)
    {
        UserIds = userIds;
        ItemIds = itemIds;
        _users = users;
        _items = items;
        _timestamps = timestamps;
        _ratings = ratings;
    }

    /// <summary>Maps user indices to source user ids.</summary>
    public IdMap UserIds { get; }

    /// <summary>Maps item indices to source item ids.</summary>
    public IdMap ItemIds { get; }

    /// <summary>The number of interactions.</summary>
    public int Count => _users.Length;

    /// <summary>The size of the user index space (<see cref="UserIds"/>).</summary>
    public int UserCount => UserIds.Count;

    /// <summary>The size of the item index space (<see cref="ItemIds"/>).</summary>
    public int ItemCount => ItemIds.Count;

    /// <summary>Whether the log carries a rating or label per interaction.</summary>
    public bool HasRatings => _ratings is not null;

    /// <summary>The user index of each interaction.</summary>
    public ReadOnlySpan<int> Users => _users;

    /// <summary>The item index of each interaction.</summary>
    public ReadOnlySpan<int> Items => _items;

    /// <summary>The timestamp of each interaction, in seconds since the Unix epoch (or row numbers when the source had no time).</summary>
    public ReadOnlySpan<long> Timestamps => _timestamps;

    /// <summary>The rating or label of each interaction; empty when <see cref="HasRatings"/> is false.</summary>
    public ReadOnlySpan<float> Ratings => _ratings;

    /// <summary>The interaction at <paramref name="index"/>.</summary>
    public Interaction this[int index] => new(_users[index], _items[index], _timestamps[index], _ratings?[index]);

    /// <summary>Counts the interactions of each item: the popularity vector, indexed by item.</summary>
    public int[] CountPerItem() => CountPer(_items, ItemCount);

    /// <summary>Counts the interactions of each user: the history lengths, indexed by user.</summary>
    public int[] CountPerUser() => CountPer(_users, UserCount);

    /// <summary>A log of the given rows, in the given order, sharing this log's id maps.</summary>
    internal InteractionLog Select(ReadOnlySpan<int> rows) => Select(rows, UserIds, ItemIds);

    /// <summary>A log of the given rows whose indices go through the remaps (when given) into the given id maps.</summary>
    internal InteractionLog Select(ReadOnlySpan<int> rows, IdMap userIds, IdMap itemIds, int[]? userRemap = null, int[]? itemRemap = null)
    {
        var users = new int[rows.Length];
        var items = new int[rows.Length];
        var timestamps = new long[rows.Length];
        var ratings = _ratings is null ? null : new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            users[i] = userRemap is null ? _users[row] : userRemap[_users[row]];
            items[i] = itemRemap is null ? _items[row] : itemRemap[_items[row]];
            timestamps[i] = _timestamps[row];
            if (ratings is not null)
            {
                ratings[i] = _ratings![row];
            }
        }

        return new InteractionLog(userIds, itemIds, users, items, timestamps, ratings);
    }

    /// <summary>A log with the same rows and no ratings.</summary>
    internal InteractionLog WithoutRatings() => new(UserIds, ItemIds, _users, _items, _timestamps, null);

    /// <summary>Whether <paramref name="other"/> indexes users and items the same way (the same map instances).</summary>
    internal bool SharesIdsWith(InteractionLog other) =>
        ReferenceEquals(UserIds, other.UserIds) && ReferenceEquals(ItemIds, other.ItemIds);

    /// <summary>Finds a row whose (user, item) pair an earlier row already has, or -1.</summary>
    internal int FindRepeatedPair()
    {
        var seen = new HashSet<long>(_users.Length);
        for (var i = 0; i < _users.Length; i++)
        {
            if (!seen.Add(PairKey(_users[i], _items[i])))
            {
                return i;
            }
        }

        return -1;
    }

    internal static long PairKey(int user, int item) => ((long)user << 32) | (uint)item;

    private static int[] CountPer(int[] indices, int size)
    {
        var counts = new int[size];
        foreach (var index in indices)
        {
            counts[index]++;
        }

        return counts;
    }
}

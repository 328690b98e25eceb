using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// The set of items of each user as a compressed sparse row matrix: every user's distinct items, sorted ascending.
/// Models train on it (the positive interactions: clicks, views, ratings above a threshold) and evaluation masks with
/// it. Users and items are dense indices, 0 to count − 1.
/// </summary>
/// <remarks>Immutable and safe to read from many threads.</remarks>
public sealed class UserItemMatrix
{
    // The most users × items the membership bits of SampleNegative may take (16 MB); larger matrices search each row.
    internal const long MaxMembershipBits = 1L << 27;

    private readonly int[] _offsets;
    private readonly int[] _items;

    // Built on the first draw: an empty array when the matrix is too large for it.
    private ulong[]? _membership;

    private UserItemMatrix(int[] offsets, int[] items, int itemCount)
    {
        _offsets = offsets;
        _items = items;
        ItemCount = itemCount;
    }

    /// <summary>The number of users (rows), including users without items.</summary>
    public int UserCount => _offsets.Length - 1;

    /// <summary>The size of the item index space (columns), including items without interactions (cold items).</summary>
    public int ItemCount { get; }

    /// <summary>The number of distinct (user, item) pairs.</summary>
    public int PairCount => _items.Length;

    /// <summary>Builds the matrix of the distinct (user, item) pairs of <paramref name="logs"/>.</summary>
    /// <exception cref="ArgumentException">No log is given, or the logs do not share id maps.</exception>
    public static UserItemMatrix Create(params ReadOnlySpan<InteractionLog> logs)
    {
        if (logs.IsEmpty)
        {
            throw new ArgumentException("Give at least one log.", nameof(logs));
        }

        var first = logs[0];
        var total = 0;
        foreach (var log in logs)
        {
            ArgumentNullException.ThrowIfNull(log, nameof(logs));
            if (!log.SharesIdsWith(first))
            {
                throw new ArgumentException("The logs must share id maps (come from the same split or log).", nameof(logs));
            }

            total += log.Count;
        }

        if (logs.Length == 1)
        {
            return Build(first.Users, first.Items, first.UserCount, first.ItemCount);
        }

        var users = new int[total];
        var items = new int[total];
        var offset = 0;
        foreach (var log in logs)
        {
            log.Users.CopyTo(users.AsSpan(offset));
            log.Items.CopyTo(items.AsSpan(offset));
            offset += log.Count;
        }

        return Build(users, items, first.UserCount, first.ItemCount);
    }

    /// <summary>Builds the matrix from parallel arrays of user and item indices; repeated pairs count once.</summary>
    /// <param name="users">The user index of each interaction.</param>
    /// <param name="items">The item index of each interaction, as long as <paramref name="users"/>.</param>
    /// <param name="userCount">The number of users; every user index must be below it.</param>
    /// <param name="itemCount">The number of items; every item index must be below it.</param>
    /// <exception cref="ArgumentException">The arrays differ in length, or an index is outside its count.</exception>
    public static UserItemMatrix Create(ReadOnlySpan<int> users, ReadOnlySpan<int> items, int userCount, int itemCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        if (users.Length != items.Length)
        {
            throw new ArgumentException($"There are {users.Length} user indices and {items.Length} item indices; pass one of each per interaction.", nameof(items));
        }

        for (var row = 0; row < users.Length; row++)
        {
            if ((uint)users[row] >= (uint)userCount)
            {
                throw new ArgumentException($"Interaction {row} has user {users[row]}, outside [0, {userCount}); pass dense indices and the user count.", nameof(users));
            }

            if ((uint)items[row] >= (uint)itemCount)
            {
                throw new ArgumentException($"Interaction {row} has item {items[row]}, outside [0, {itemCount}); pass dense indices and the item count.", nameof(items));
            }
        }

        return Build(users, items, userCount, itemCount);
    }

    /// <summary>The distinct items of <paramref name="user"/>, sorted ascending.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="user"/> is not in [0, <see cref="UserCount"/>).</exception>
    public ReadOnlySpan<int> ItemsOf(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(user, UserCount);
        return _items.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);
    }

    /// <summary>The number of distinct items of <paramref name="user"/>.</summary>
    public int CountOf(int user) => _offsets[user + 1] - _offsets[user];

    /// <summary>Whether <paramref name="user"/> has <paramref name="item"/> (binary search).</summary>
    public bool Contains(int user, int item) => ItemsOf(user).BinarySearch(item) >= 0;

    /// <summary>The number of users who have each item.</summary>
    public int[] CountPerItem()
    {
        var counts = new int[ItemCount];
        foreach (var item in _items)
        {
            counts[item]++;
        }

        return counts;
    }

    /// <summary>The user of each pair, in the order of <see cref="PairItems"/>.</summary>
    internal int[] PairUsers()
    {
        var users = new int[_items.Length];
        for (var u = 0; u < UserCount; u++)
        {
            users.AsSpan(_offsets[u], _offsets[u + 1] - _offsets[u]).Fill(u);
        }

        return users;
    }

    /// <summary>The item of each pair, grouped by user.</summary>
    internal ReadOnlySpan<int> PairItems => _items;

    /// <summary>
    /// An item drawn uniformly from those <paramref name="user"/> does not have, or −1 when there is none.
    /// Rejection sampling: the expected number of draws is ItemCount / (ItemCount − the user's item count).
    /// </summary>
    internal int SampleNegative(int user, ref SplitMix64 random)
    {
        var positives = _items.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);
        if (positives.Length >= ItemCount)
        {
            return -1;
        }

        // Every draw tests membership, and the sample's two-tower model draws four per positive: a bit test costs about a
        // third of a binary search over the row (NegativeSamplingBenchmarks).
        var membership = LazyInitializer.EnsureInitialized(ref _membership, BuildMembership);
        var rowStart = (long)user * MembershipWords;
        while (true)
        {
            var item = random.NextInt32(ItemCount);
            var known = membership.Length == 0
                ? positives.BinarySearch(item) >= 0
                : (membership[rowStart + (item >> 6)] & (1UL << item)) != 0;
            if (!known)
            {
                return item;
            }
        }
    }

    private int MembershipWords => (ItemCount + 63) >> 6;

    /// <summary>One bit per (user, item), rows of <see cref="MembershipWords"/> words; empty past <see cref="MaxMembershipBits"/>.</summary>
    private ulong[] BuildMembership()
    {
        if ((long)UserCount * MembershipWords * 64 > MaxMembershipBits)
        {
            return [];
        }

        var bits = new ulong[(long)UserCount * MembershipWords];
        for (var user = 0; user < UserCount; user++)
        {
            var rowStart = (long)user * MembershipWords;
            foreach (var item in ItemsOf(user))
            {
                bits[rowStart + (item >> 6)] |= 1UL << item;
            }
        }

        return bits;
    }

    // Counting sort by user, then each row sorted and de-duplicated in place, closing the gaps as it goes.
    private static UserItemMatrix Build(ReadOnlySpan<int> users, ReadOnlySpan<int> items, int userCount, int itemCount)
    {
        var offsets = new int[userCount + 1];
        foreach (var user in users)
        {
            offsets[user + 1]++;
        }

        for (var u = 0; u < userCount; u++)
        {
            offsets[u + 1] += offsets[u];
        }

        var grouped = new int[users.Length];
        var fill = offsets[..^1];
        for (var row = 0; row < users.Length; row++)
        {
            grouped[fill[users[row]]++] = items[row];
        }

        var distinct = 0;
        var start = 0;
        for (var u = 0; u < userCount; u++)
        {
            var end = offsets[u + 1];
            var row = grouped.AsSpan(start, end - start);
            row.Sort();
            offsets[u] = distinct;
            for (var i = 0; i < row.Length; i++)
            {
                if (i == 0 || row[i] != row[i - 1])
                {
                    grouped[distinct++] = row[i];
                }
            }

            start = end;
        }

        offsets[userCount] = distinct;
        return new UserItemMatrix(offsets, distinct == grouped.Length ? grouped : grouped[..distinct], itemCount);
    }
}

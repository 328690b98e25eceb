using LlmErs.SemanticIds;

namespace LlmErs.Models;

/// <summary>
/// The positive (user, item) interactions a model trains on — clicks, views, ratings above a threshold — as a sparse
/// matrix: each user's distinct items, sorted. Users and items are dense indices, 0 to count − 1.
/// </summary>
/// <remarks>Immutable and safe to read from many threads.</remarks>
public sealed class ImplicitFeedback
{
    private readonly int[] _offsets;
    private readonly int[] _items;

    private ImplicitFeedback(int[] offsets, int[] items, int itemCount)
    {
        _offsets = offsets;
        _items = items;
        ItemCount = itemCount;
    }

    /// <summary>The size of the user index space, including users without interactions.</summary>
    public int UserCount => _offsets.Length - 1;

    /// <summary>The size of the item index space, including items without interactions (cold items).</summary>
    public int ItemCount { get; }

    /// <summary>The number of distinct (user, item) pairs.</summary>
    public int PairCount => _items.Length;

    /// <summary>Builds the matrix from parallel arrays of user and item indices; repeated pairs count once.</summary>
    /// <param name="users">The user index of each interaction.</param>
    /// <param name="items">The item index of each interaction, as long as <paramref name="users"/>.</param>
    /// <param name="userCount">The number of users; every user index must be below it.</param>
    /// <param name="itemCount">The number of items; every item index must be below it.</param>
    /// <exception cref="ArgumentException">The arrays differ in length, or an index is outside its count.</exception>
    public static ImplicitFeedback Create(ReadOnlySpan<int> users, ReadOnlySpan<int> items, int userCount, int itemCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        if (users.Length != items.Length)
        {
            throw new ArgumentException($"There are {users.Length} user indices and {items.Length} item indices; pass one of each per interaction.", nameof(items));
        }

        var offsets = new int[userCount + 1];
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

            offsets[users[row] + 1]++;
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

        // Sort each user's items and drop repeats, closing the gaps as we go.
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
        return new ImplicitFeedback(offsets, grouped[..distinct], itemCount);
    }

    /// <summary>The items of <paramref name="user"/>, ascending.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="user"/> is not in [0, <see cref="UserCount"/>).</exception>
    public ReadOnlySpan<int> GetItems(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(user, UserCount);
        return _items.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);
    }

    /// <summary>Whether <paramref name="user"/> interacted with <paramref name="item"/>.</summary>
    public bool Contains(int user, int item) => GetItems(user).BinarySearch(item) >= 0;

    /// <summary>The number of users who interacted with each item.</summary>
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
    /// An item drawn uniformly from those <paramref name="user"/> did not interact with, or −1 when there is none.
    /// Rejection sampling: the expected number of draws is ItemCount / (ItemCount − the user's item count).
    /// </summary>
    internal int SampleNegative(int user, ref SplitMix64 random)
    {
        var positives = _items.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);
        if (positives.Length >= ItemCount)
        {
            return -1;
        }

        while (true)
        {
            var item = random.NextInt32(ItemCount);
            if (positives.BinarySearch(item) < 0)
            {
                return item;
            }
        }
    }
}

namespace LlmErs.Data;

/// <summary>
/// The set of items of each user as a compressed sparse row matrix: every user's distinct items, sorted ascending.
/// Built from one or more logs that share id maps (for example training plus validation, to mask a user's history).
/// </summary>
/// <remarks>Immutable and safe to read from many threads: models use it for negative sampling, evaluation for masking.</remarks>
public sealed class UserItemMatrix
{
    private readonly int[] _offsets;
    private readonly int[] _items;

    private UserItemMatrix(int itemCount, int[] offsets, int[] items)
    {
        ItemCount = itemCount;
        _offsets = offsets;
        _items = items;
    }

    /// <summary>The number of users (rows), including users without items.</summary>
    public int UserCount => _offsets.Length - 1;

    /// <summary>The size of the item index space (columns).</summary>
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
        var counts = new int[first.UserCount + 1];
        foreach (var log in logs)
        {
            ArgumentNullException.ThrowIfNull(log, nameof(logs));
            if (!log.SharesIdsWith(first))
            {
                throw new ArgumentException("The logs must share id maps (come from the same split or log).", nameof(logs));
            }

            foreach (var user in log.Users)
            {
                counts[user + 1]++;
            }
        }

        var offsets = counts;
        for (var u = 1; u < offsets.Length; u++)
        {
            offsets[u] += offsets[u - 1];
        }

        var items = new int[offsets[^1]];
        var fill = offsets[..^1];
        foreach (var log in logs)
        {
            var users = log.Users;
            var logItems = log.Items;
            for (var row = 0; row < users.Length; row++)
            {
                items[fill[users[row]]++] = logItems[row];
            }
        }

        // Sort and de-duplicate each row in place, then close the gaps that duplicates leave.
        var write = 0;
        var compactOffsets = new int[offsets.Length];
        for (var u = 0; u < offsets.Length - 1; u++)
        {
            var row = items.AsSpan(offsets[u], offsets[u + 1] - offsets[u]);
            row.Sort();
            compactOffsets[u] = write;
            for (var i = 0; i < row.Length; i++)
            {
                if (i == 0 || row[i] != row[i - 1])
                {
                    items[write++] = row[i];
                }
            }
        }

        compactOffsets[^1] = write;
        return new UserItemMatrix(first.ItemCount, compactOffsets, write == items.Length ? items : items[..write]);
    }

    /// <summary>The distinct items of <paramref name="user"/>, sorted ascending.</summary>
    public ReadOnlySpan<int> ItemsOf(int user) => _items.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);

    /// <summary>The number of distinct items of <paramref name="user"/>.</summary>
    public int CountOf(int user) => _offsets[user + 1] - _offsets[user];

    /// <summary>Whether <paramref name="user"/> has <paramref name="item"/> (binary search).</summary>
    public bool Contains(int user, int item) => ItemsOf(user).BinarySearch(item) >= 0;
}

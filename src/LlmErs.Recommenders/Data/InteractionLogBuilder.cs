namespace LlmErs.Recommenders;

/// <summary>
/// Accumulates interactions keyed by source ids and builds an <see cref="InteractionLog"/>, assigning dense indices in
/// order of first appearance. Either every interaction has a rating (or label) or none has.
/// </summary>
public sealed class InteractionLogBuilder
{
    private readonly KeyIndexer _users = new();
    private readonly KeyIndexer _items = new();
    private readonly List<int> _userColumn = [];
    private readonly List<int> _itemColumn = [];
    private readonly List<long> _timestamps = [];
    private readonly List<float> _ratings = [];
    private bool? _hasRatings;

    /// <summary>The number of interactions added so far.</summary>
    public int Count => _userColumn.Count;

    /// <summary>Adds one interaction.</summary>
    /// <param name="user">The source user id.</param>
    /// <param name="item">The source item id.</param>
    /// <param name="timestamp">Seconds since the Unix epoch, or any monotonic order key.</param>
    /// <param name="rating">The rating or label; pass it for every interaction or for none.</param>
    /// <exception cref="ArgumentException">An id is empty, or <paramref name="rating"/> is given for some interactions and not others.</exception>
    public void Add(string user, string item, long timestamp, float? rating = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(item);
        Add(user.AsSpan(), item.AsSpan(), timestamp, rating);
    }

    /// <inheritdoc cref="Add(string, string, long, float?)"/>
    public void Add(ReadOnlySpan<char> user, ReadOnlySpan<char> item, long timestamp, float? rating = null)
    {
        if (user.IsWhiteSpace() || item.IsWhiteSpace())
        {
            throw new ArgumentException($"Interaction {Count} has an empty {(user.IsWhiteSpace() ? "user" : "item")} id.");
        }

        _hasRatings ??= rating.HasValue;
        if (_hasRatings != rating.HasValue)
        {
            throw new ArgumentException(
                $"Interaction {Count} {(rating.HasValue ? "has" : "has no")} rating while the earlier ones {(rating.HasValue ? "have none" : "have one")}; give a rating for every interaction or for none.",
                nameof(rating));
        }

        _userColumn.Add(_users.GetOrAdd(user));
        _itemColumn.Add(_items.GetOrAdd(item));
        _timestamps.Add(timestamp);
        if (rating is { } value)
        {
            _ratings.Add(value);
        }
    }

    /// <summary>Builds the log. The builder can keep adding afterwards; later logs get new id maps.</summary>
    public InteractionLog Build() => new(
        _users.ToIdMap(),
        _items.ToIdMap(),
        [.. _userColumn],
        [.. _itemColumn],
        [.. _timestamps],
        _hasRatings == true ? [.. _ratings] : null);

    /// <summary>Assigns dense indices to keys; looks spans up without allocating a string for keys it already has.</summary>
    private sealed class KeyIndexer
    {
        private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];

        public int GetOrAdd(ReadOnlySpan<char> key)
        {
            var lookup = _indices.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(key, out var index))
            {
                return index;
            }

            var text = key.ToString();
            index = _keys.Count;
            _keys.Add(text);
            _indices.Add(text, index);
            return index;
        }

        public IdMap ToIdMap() => new([.. _keys], new Dictionary<string, int>(_indices, StringComparer.Ordinal));
    }
}

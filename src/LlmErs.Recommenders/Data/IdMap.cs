namespace LlmErs.Recommenders;

/// <summary>
/// An immutable, bijective map between external string keys (user or item ids as they appear in the source data) and
/// dense indices 0..<see cref="Count"/>-1, which index every array of the data and evaluation APIs.
/// </summary>
/// <remarks>
/// The logs of one <see cref="DataSplit"/> share the same instances, so an index means the same user or item in the
/// training, validation and test logs, in models and in evaluation.
/// </remarks>
public sealed class IdMap
{
    private readonly string[] _keys;
    private readonly Dictionary<string, int> _indices;

    /// <summary>Creates a map whose index <c>i</c> is the <c>i</c>-th key.</summary>
    /// <exception cref="ArgumentException">A key is null or appears twice.</exception>
    public IdMap(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys];
        _indices = new Dictionary<string, int>(_keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] is null)
            {
                throw new ArgumentException($"Key {i} is null.", nameof(keys));
            }

            if (!_indices.TryAdd(_keys[i], i))
            {
                throw new ArgumentException($"The key '{_keys[i]}' appears twice (indices {_indices[_keys[i]]} and {i}).", nameof(keys));
            }
        }
    }

    // The builder hands over collections it has already checked.
    internal IdMap(string[] keys, Dictionary<string, int> indices)
    {
        _keys = keys;
        _indices = indices;
    }

    /// <summary>The number of keys.</summary>
    public int Count => _keys.Length;

    /// <summary>The keys in index order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The key at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="Count"/>).</exception>
    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _keys.Length);
            return _keys[index];
        }
    }

    /// <summary>Looks up the index of <paramref name="key"/>.</summary>
    public bool TryGetIndex(string key, out int index) => _indices.TryGetValue(key, out index);

    /// <summary>The index of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The key is not in the map.</exception>
    public int GetIndex(string key) =>
        _indices.TryGetValue(key, out var index)
            ? index
            : throw new KeyNotFoundException($"The id '{key}' is not in this map of {_keys.Length} ids.");
}

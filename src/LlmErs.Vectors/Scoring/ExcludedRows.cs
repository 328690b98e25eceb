namespace LlmErs.Vectors;

/// <summary>
/// Rows a search leaves out: a caller's set, or ascending rows as a file stores them (a user's seen items), looked up
/// by binary search so a request builds no set. Asked only for the few rows that would enter the top-k.
/// </summary>
internal readonly struct ExcludedRows
{
    private readonly IReadOnlySet<int>? _set;
    private readonly ReadOnlyMemory<int> _ascending;

    private ExcludedRows(IReadOnlySet<int>? set, ReadOnlyMemory<int> ascending)
    {
        _set = set;
        _ascending = ascending;
    }

    /// <summary>Nothing left out.</summary>
    public static ExcludedRows None => default;

    /// <summary>The rows of <paramref name="set"/>, or none when it is <see langword="null"/>.</summary>
    public static ExcludedRows Of(IReadOnlySet<int>? set) => new(set, default);

    /// <summary>The rows of <paramref name="ascending"/>, which must be sorted ascending.</summary>
    public static ExcludedRows Ascending(ReadOnlyMemory<int> ascending) => new(null, ascending);

    /// <summary>Whether <paramref name="row"/> is left out.</summary>
    public bool Contains(int row) => _set?.Contains(row) ?? (!_ascending.IsEmpty && _ascending.Span.BinarySearch(row) >= 0);
}

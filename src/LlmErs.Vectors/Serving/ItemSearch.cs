using System.Numerics.Tensors;

namespace LlmErs.Vectors;

/// <summary>
/// The serving side's one scan over an item store, shared by <see cref="RecommenderIndex"/> and
/// <see cref="ServingModel"/>: top-k items for a query vector (exact, or int8/int4 shortlisted and re-ranked exactly),
/// similar items, and the mean vector of a history.
/// </summary>
internal sealed class ItemSearch : IDisposable
{
    private readonly VectorSearcher? _exact;
    private readonly QuantizedVectorSearcher? _quantized;

    /// <summary>Scans <paramref name="items"/> exactly.</summary>
    public ItemSearch(VectorStore items, VectorSearchOptions options)
    {
        Items = items;
        _exact = new VectorSearcher(items.Vectors, options);
    }

    /// <summary>Shortlists from a quantized copy of <paramref name="items"/>, then re-ranks exactly.</summary>
    public ItemSearch(VectorStore items, QuantizedSearchOptions options)
    {
        Items = items;
        _quantized = new QuantizedVectorSearcher(items.Vectors, options);
    }

    /// <summary>The items scanned; their ids name the results.</summary>
    public VectorStore Items { get; }

    /// <summary>The <paramref name="count"/> best items for <paramref name="query"/>, best first, <paramref name="excluded"/> left out.</summary>
    public Recommendation[] Search(ReadOnlySpan<float> query, int count, ExcludedRows excluded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rows = _quantized?.Search(query, count, excluded) ?? _exact!.Search(query, count, excluded);
        var ids = Items.Ids;
        var result = new Recommendation[rows.Length];
        for (var j = 0; j < rows.Length; j++)
        {
            result[j] = new Recommendation(ids[rows[j].Row], rows[j].Score);
        }

        return result;
    }

    /// <summary>The <paramref name="count"/> items closest to item row <paramref name="row"/>, best first, the item itself left out.</summary>
    public Recommendation[] Similar(int row, int count) =>
        Search(Items.Vectors.GetRow(row), count, ExcludedRows.Ascending(new[] { row }));

    /// <summary>
    /// Writes the mean of the rows of <paramref name="tower"/> that the distinct items of <paramref name="itemIds"/> map
    /// to through <paramref name="rowOf"/> (which throws for an unknown id) to <paramref name="mean"/>, and returns
    /// those rows, for the search to leave out.
    /// </summary>
    /// <exception cref="ArgumentException">The history is empty; the message ends with <paramref name="emptyAdvice"/>.</exception>
    public static HashSet<int> HistoryMean(IEnumerable<string> itemIds, Func<string, int> rowOf, VectorMatrix tower, Span<float> mean, string emptyAdvice)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var rows = new HashSet<int>();
        mean.Clear();
        foreach (var id in itemIds)
        {
            var row = rowOf(id);
            if (rows.Add(row))
            {
                TensorPrimitives.Add(mean, tower.GetRow(row), mean);
            }
        }

        if (rows.Count == 0)
        {
            throw new ArgumentException($"The history is empty; {emptyAdvice}", nameof(itemIds));
        }

        TensorPrimitives.Divide(mean, rows.Count, mean);
        return rows;
    }

    /// <inheritdoc/>
    public void Dispose() => _quantized?.Dispose();
}

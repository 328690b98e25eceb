using System.Buffers;

namespace LlmErs.Vectors;

/// <summary>
/// Serves recommendations from item vectors alone: top-k items for a user (from a profile vector or from the items they
/// interacted with) and similar items for an item, leaving out what the user has already seen.
/// </summary>
/// <remarks>
/// Everything a request needs is computed offline; a request is one SIMD scan over the item vectors (microseconds for
/// thousands of items, milliseconds for a million) and never calls a language model. Requests are thread-safe.
/// </remarks>
public sealed class RecommenderIndex : IDisposable
{
    private readonly ItemSearch _search;
    private readonly bool _ownsStore;

    /// <summary>Serves from <paramref name="store"/>, which the caller keeps alive and disposes after the index.</summary>
    public RecommenderIndex(VectorStore store, RecommenderIndexOptions? options = null)
        : this(store, options ?? new RecommenderIndexOptions(), ownsStore: false)
    {
    }

    private RecommenderIndex(VectorStore store, RecommenderIndexOptions options, bool ownsStore)
    {
        ArgumentNullException.ThrowIfNull(store);
        _ownsStore = ownsStore;

        // The searcher decides how the metric is scored; the store tells it once whether its rows are unit-norm.
        _search = options.UseQuantizedScan
            ? new ItemSearch(store, new QuantizedSearchOptions
            {
                Metric = options.Metric,
                RowsAreNormalized = store.IsNormalized,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
                RerankCandidates = options.RerankCandidates,
                BitsPerValue = options.BitsPerValue,
            })
            : new ItemSearch(store, new VectorSearchOptions
            {
                Metric = options.Metric,
                RowsAreNormalized = store.IsNormalized,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            });
    }

    /// <summary>The item ids and vectors served.</summary>
    public VectorStore Store => _search.Items;

    /// <summary>Opens the vector store file at <paramref name="path"/> (memory-mapped) and serves from it.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is damaged or holds another model's vectors.</exception>
    public static RecommenderIndex Open(string path, RecommenderIndexOptions? options = null)
    {
        options ??= new RecommenderIndexOptions();
        var store = VectorStore.Open(path, options.Store);
        try
        {
            return new RecommenderIndex(store, options, ownsStore: true);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The <paramref name="count"/> items closest to a user's profile vector, best first.</summary>
    /// <param name="profile">The user's vector, in the items' embedding space.</param>
    /// <param name="count">How many items to return.</param>
    /// <param name="seenItemIds">Items to leave out; ids the index does not hold are ignored, as they could not be returned anyway.</param>
    public IReadOnlyList<Recommendation> RecommendForProfile(ReadOnlySpan<float> profile, int count, IEnumerable<string>? seenItemIds = null)
    {
        HashSet<int>? excluded = null;
        if (seenItemIds is not null)
        {
            excluded = [];
            foreach (var id in seenItemIds)
            {
                var row = Store.IndexOf(id);
                if (row >= 0)
                {
                    excluded.Add(row);
                }
            }
        }

        return _search.Search(profile, count, ExcludedRows.Of(excluded));
    }

    /// <summary>
    /// The <paramref name="count"/> items closest to the mean vector of the items a user interacted with, leaving
    /// those items out.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="history"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">An item of <paramref name="history"/> is not in the index; the message names it.</exception>
    public IReadOnlyList<Recommendation> RecommendForHistory(IEnumerable<string> history, int count)
    {
        // The mean is summed in a pooled buffer: the searcher makes the query's one copy, which it normalizes for cosine.
        var buffer = ArrayPool<float>.Shared.Rent(Store.Dimension);
        try
        {
            var profile = buffer.AsSpan(0, Store.Dimension);
            var rows = ItemSearch.HistoryMean(history, Store.GetIndex, Store.Vectors, profile,
                "recommend from a profile vector or from popular items for users without history.");
            return _search.Search(profile, count, ExcludedRows.Of(rows));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>The <paramref name="count"/> items most similar to <paramref name="itemId"/>, best first, leaving the item itself out.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="itemId"/> is not in the index.</exception>
    public IReadOnlyList<Recommendation> SimilarItems(string itemId, int count) => _search.Similar(Store.GetIndex(itemId), count);

    /// <inheritdoc/>
    public void Dispose()
    {
        _search.Dispose();
        if (_ownsStore)
        {
            Store.Dispose();
        }
    }
}

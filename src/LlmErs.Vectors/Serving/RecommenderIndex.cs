using System.Buffers;
using System.Numerics.Tensors;

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
    private readonly VectorSearcher? _exact;
    private readonly QuantizedVectorSearcher? _quantized;
    private readonly bool _ownsStore;

    /// <summary>Serves from <paramref name="store"/>, which the caller keeps alive and disposes after the index.</summary>
    public RecommenderIndex(VectorStore store, RecommenderIndexOptions? options = null)
        : this(store, options ?? new RecommenderIndexOptions(), ownsStore: false)
    {
    }

    private RecommenderIndex(VectorStore store, RecommenderIndexOptions options, bool ownsStore)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        _ownsStore = ownsStore;

        // The searcher decides how the metric is scored; the store tells it once whether its rows are unit-norm.
        if (options.UseQuantizedScan)
        {
            _quantized = new QuantizedVectorSearcher(store.Vectors, new QuantizedSearchOptions
            {
                Metric = options.Metric,
                RowsAreNormalized = store.IsNormalized,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
                RerankCandidates = options.RerankCandidates,
            });
        }
        else
        {
            _exact = new VectorSearcher(store.Vectors, new VectorSearchOptions
            {
                Metric = options.Metric,
                RowsAreNormalized = store.IsNormalized,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            });
        }
    }

    /// <summary>The item ids and vectors served.</summary>
    public VectorStore Store { get; }

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

        return Search(profile, count, excluded);
    }

    /// <summary>
    /// The <paramref name="count"/> items closest to the mean vector of the items a user interacted with, leaving
    /// those items out.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="history"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">An item of <paramref name="history"/> is not in the index; the message names it.</exception>
    public IReadOnlyList<Recommendation> RecommendForHistory(IEnumerable<string> history, int count)
    {
        ArgumentNullException.ThrowIfNull(history);
        var rows = new HashSet<int>();

        // The mean is summed in a pooled buffer: the searcher makes the query's one copy, which it normalizes for cosine.
        var buffer = ArrayPool<float>.Shared.Rent(Store.Dimension);
        try
        {
            var profile = buffer.AsSpan(0, Store.Dimension);
            profile.Clear();
            foreach (var id in history)
            {
                var row = Store.GetIndex(id);
                if (rows.Add(row))
                {
                    TensorPrimitives.Add(profile, Store.Vectors.GetRow(row), profile);
                }
            }

            if (rows.Count == 0)
            {
                throw new ArgumentException("The history is empty; recommend from a profile vector or from popular items for users without history.", nameof(history));
            }

            TensorPrimitives.Divide(profile, rows.Count, profile);
            return Search(profile, count, rows);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>The <paramref name="count"/> items most similar to <paramref name="itemId"/>, best first, leaving the item itself out.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="itemId"/> is not in the index.</exception>
    public IReadOnlyList<Recommendation> SimilarItems(string itemId, int count)
    {
        var row = Store.GetIndex(itemId);
        return Search(Store.Vectors.GetRow(row), count, new HashSet<int> { row });
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _quantized?.Dispose();
        if (_ownsStore)
        {
            Store.Dispose();
        }
    }

    private Recommendation[] Search(ReadOnlySpan<float> query, int count, IReadOnlySet<int>? excluded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rows = _quantized?.Search(query, count, excluded) ?? _exact!.Search(query, count, excluded);
        return Array.ConvertAll(rows, row => new Recommendation(Store.Ids[row.Row], row.Score));
    }
}

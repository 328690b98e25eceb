using System.Numerics.Tensors;

namespace LlmErs.Vectors;

/// <summary>
/// Serves a trained model exported by <c>ModelExport.Export</c> (LlmErs.Recommenders): top-k items for a known user
/// (their precomputed vector, seen items left out), for a new or anonymous user (from a history, through the model's
/// user tower when it has one), and similar items; optionally re-ranked by an <see cref="IReranker"/>.
/// </summary>
/// <remarks>
/// <para>Scores are the model's own (a dot product of user and item vectors, the kernels training and evaluation use),
/// and item rows lie in the evaluator's tie order, so a known user's top-k is exactly the evaluator's ranking, tie order
/// included. Unknown users and items throw <see cref="UnknownIdException"/>. Requests are thread-safe and never call a
/// language model.</para>
/// </remarks>
public sealed class ServingModel : IDisposable
{
    private readonly VectorStore _items;
    private readonly VectorStore _users;
    private readonly SeenItems _seen;
    private readonly VectorStore? _history;
    private readonly VectorStore? _userFeatures;
    private readonly ItemSearch _dot;
    private readonly ItemSearch _cosine;

    private ServingModel(ServingManifest manifest, VectorStore items, VectorStore users, SeenItems seen, VectorStore? history, VectorStore? userFeatures, int maxDegreeOfParallelism)
    {
        Manifest = manifest;
        _items = items;
        _users = users;
        _seen = seen;
        _history = history;
        _userFeatures = userFeatures;
        _dot = new ItemSearch(items, new VectorSearchOptions { Metric = SimilarityMetric.DotProduct, MaxDegreeOfParallelism = maxDegreeOfParallelism });
        _cosine = new ItemSearch(items, new VectorSearchOptions { Metric = SimilarityMetric.Cosine, RowsAreNormalized = items.IsNormalized, MaxDegreeOfParallelism = maxDegreeOfParallelism });
    }

    /// <summary>The model's name, version and kind, and the folder's files.</summary>
    public ServingManifest Manifest { get; }

    /// <summary>The number of items served.</summary>
    public int ItemCount => _items.Count;

    /// <summary>The number of known users (those <see cref="RecommendForUser"/> accepts).</summary>
    public int UserCount => _users.Count;

    /// <summary>Opens the serving folder <paramref name="folder"/>: its manifest and the files it names, memory-mapped.</summary>
    /// <exception cref="FileNotFoundException">The folder has no manifest, or a file it names is missing.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is damaged or truncated, of another format version, of another export than the manifest's, or of another
    /// model; the message names the file and what to do.
    /// </exception>
    public static ServingModel Open(string folder, ServingModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        options ??= new ServingModelOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1, nameof(options));
        var manifest = ServingFolder.ReadManifest(folder);
        var opened = new List<IDisposable>();
        try
        {
            VectorStore OpenStore(string role)
            {
                var (path, expected) = ServingFolder.Resolve(folder, manifest, role);
                var store = VectorStore.Open(path, new VectorStoreOpenOptions { VerifyChecksum = options.VerifyChecksums, ExpectedModelId = manifest.ModelId, ExpectedStamp = expected });
                opened.Add(store);
                return store;
            }

            var items = OpenStore(ServingRoles.Items);
            var users = OpenStore(ServingRoles.Users);
            RequireDimension(items, manifest.Dimension);
            RequireDimension(users, manifest.Dimension);
            var (seenPath, seenStamp) = ServingFolder.Resolve(folder, manifest, ServingRoles.Seen);
            var seen = SeenItems.Open(seenPath, users.Count, items.Count, options.VerifyChecksums, seenStamp);

            VectorStore? history = null, userFeatures = null;
            if (manifest.Kind == ServingModelKind.TwoTower)
            {
                history = OpenStore(ServingRoles.History);
                RequireDimension(history, manifest.Dimension);
                if (!history.Ids.SequenceEqual(items.Ids, StringComparer.Ordinal))
                {
                    throw new InvalidDataException($"The user tower's item rows in '{history.Path}' are not those of '{items.Path}'. Export the model again.");
                }

                if (manifest.UserFeatureDimension > 0)
                {
                    userFeatures = OpenStore(ServingRoles.UserFeatures);
                    RequireDimension(userFeatures, manifest.Dimension);
                    if (userFeatures.Count != manifest.UserFeatureDimension)
                    {
                        throw new InvalidDataException(
                            $"The user feature projection '{userFeatures.Path}' has {userFeatures.Count} rows; the manifest says {manifest.UserFeatureDimension} user features. Export the model again.");
                    }
                }
            }

            return new ServingModel(manifest, items, users, seen, history, userFeatures, options.MaxDegreeOfParallelism);
        }
        catch
        {
            opened.ForEach(store => store.Dispose());
            throw;
        }
    }

    /// <summary>
    /// The <paramref name="count"/> best items for a known user, best first: their trained vector scored against every
    /// item, the items they have seen left out.
    /// </summary>
    /// <param name="userId">A user the model was trained on.</param>
    /// <param name="count">How many items to return.</param>
    /// <param name="rerank">A second stage that re-ranks the first stage's candidates, or <see langword="null"/>.</param>
    /// <exception cref="UnknownIdException">The model does not know <paramref name="userId"/>; recommend from a history instead.</exception>
    public IReadOnlyList<Recommendation> RecommendForUser(string userId, int count, RerankOptions? rerank = null)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var user = _users.IndexOf(userId);
        if (user < 0)
        {
            throw new UnknownIdException(ServingIdKind.User, userId,
                $"The user '{userId}' is not among the {_users.Count} users of the model '{Manifest.ModelId}'; recommend from their history with RecommendForHistory.");
        }

        return Recommend(_dot, _users.Vectors.GetRow(user), count, ExcludedRows.Ascending(_seen.RowsOf(user)), rerank);
    }

    /// <summary>
    /// The <paramref name="count"/> best items for a new or anonymous user from the items they interacted with, best
    /// first, those items left out.
    /// </summary>
    /// <remarks>
    /// A two-tower model runs its user tower: the mean of the history items' projected features, plus the projected
    /// <paramref name="userFeatures"/> when given (a new user has no ID vector). A factor model (BPR) has no user tower:
    /// the user vector is the mean of the history items' factors, an item-based heuristic rather than a trained vector.
    /// </remarks>
    /// <param name="itemIds">The user's items, in any order; repeats count once.</param>
    /// <param name="count">How many items to return.</param>
    /// <param name="userFeatures">The user's features, built as in training (<see cref="ServingManifest.UserFeatureDimension"/> values), or empty.</param>
    /// <param name="rerank">A second stage that re-ranks the first stage's candidates, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The history is empty, or <paramref name="userFeatures"/> has the wrong length or is given to a model without user features.</exception>
    /// <exception cref="UnknownIdException">An item of the history is not in the model; the message names it.</exception>
    public IReadOnlyList<Recommendation> RecommendForHistory(IEnumerable<string> itemIds, int count, ReadOnlySpan<float> userFeatures = default, RerankOptions? rerank = null)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        if (!userFeatures.IsEmpty && userFeatures.Length != Manifest.UserFeatureDimension)
        {
            throw new ArgumentException(
                $"The model '{Manifest.ModelId}' takes {Manifest.UserFeatureDimension} user features; got {userFeatures.Length}. Build them as in training, or pass none.", nameof(userFeatures));
        }

        var query = new float[Manifest.Dimension];
        var rows = ItemSearch.HistoryMean(itemIds, ItemRow, (_history ?? _items).Vectors, query, "serve popular items to users without history.");
        for (var k = 0; k < userFeatures.Length; k++)
        {
            TensorPrimitives.MultiplyAdd(_userFeatures!.Vectors.GetRow(k), userFeatures[k], query, query);
        }

        return Recommend(_dot, query, count, ExcludedRows.Of(rows), rerank);
    }

    /// <summary>
    /// The <paramref name="count"/> items most similar to <paramref name="itemId"/> by the cosine of their vectors, best
    /// first, the item itself left out. Cosine rather than the dot product keeps items with long vectors (often the
    /// popular ones) from being similar to everything.
    /// </summary>
    /// <exception cref="UnknownIdException">The model does not know <paramref name="itemId"/>.</exception>
    public IReadOnlyList<Recommendation> SimilarItems(string itemId, int count, RerankOptions? rerank = null)
    {
        return Reranking.Apply(rerank, _cosine.Similar(ItemRow(itemId), Reranking.CandidateCount(rerank, count)), count);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _items.Dispose();
        _users.Dispose();
        _history?.Dispose();
        _userFeatures?.Dispose();
    }

    private int ItemRow(string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        var row = _items.IndexOf(itemId);
        return row >= 0
            ? row
            : throw new UnknownIdException(ServingIdKind.Item, itemId,
                $"The item '{itemId}' is not among the {_items.Count} items of the model '{Manifest.ModelId}'; export the model again after training on it, or leave it out.");
    }

    private static Recommendation[] Recommend(ItemSearch search, ReadOnlySpan<float> query, int count, ExcludedRows excluded, RerankOptions? rerank) =>
        Reranking.Apply(rerank, search.Search(query, Reranking.CandidateCount(rerank, count), excluded), count);

    private static void RequireDimension(VectorStore store, int dimension)
    {
        if (store.Dimension != dimension)
        {
            throw new InvalidDataException($"The vector store '{store.Path}' holds vectors of {store.Dimension} values; the manifest says {dimension}. Export the model again.");
        }
    }
}

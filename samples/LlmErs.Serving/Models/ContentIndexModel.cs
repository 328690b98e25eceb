using System.Text.Json;
using LlmErs.Vectors;

namespace LlmErs.Serving.Models;

/// <summary>
/// Adapts today's content-vector <see cref="RecommenderIndex"/> to <see cref="IRecommendationModel"/>. It has no user
/// vectors: a known user is one listed in the optional histories file, recommended for from the mean of their history.
/// </summary>
public sealed class ContentIndexModel : IRecommendationModel
{
    private readonly RecommenderIndex _index;
    private readonly IReadOnlyDictionary<string, string[]> _histories;

    private ContentIndexModel(RecommenderIndex index, IReadOnlyDictionary<string, string[]> histories, string version)
    {
        _index = index;
        _histories = histories;
        Version = version;
    }

    /// <inheritdoc/>
    public string Version { get; }

    /// <inheritdoc/>
    public int ItemCount => _index.Store.Count;

    /// <summary>Opens the store at <paramref name="storePath"/> and, when it exists, the user histories JSON (<c>{"user": ["item", …]}</c>).</summary>
    public static ContentIndexModel Open(string storePath, string? historiesPath, string version, RecommenderIndexOptions options)
    {
        var histories = historiesPath is not null && File.Exists(historiesPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(historiesPath))
              ?? throw new InvalidDataException($"The user histories file '{historiesPath}' is empty.")
            : new Dictionary<string, string[]>();
        return new ContentIndexModel(RecommenderIndex.Open(storePath, options), histories, version);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Recommendation> RecommendForUser(string userId, int count) =>
        _histories.TryGetValue(userId, out var history) && history.Length > 0
            ? RecommendForHistory(history, count)
            : throw new UnknownIdException(ServingIdKind.User, userId, $"The model does not know the user '{userId}'.");

    /// <inheritdoc/>
    public IReadOnlyList<Recommendation> RecommendForHistory(IReadOnlyList<string> itemIds, int count)
    {
        ThrowIfUnknown(itemIds);
        return _index.RecommendForHistory(itemIds, count);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Recommendation> SimilarItems(string itemId, int count)
    {
        ThrowIfUnknown([itemId]);
        return _index.SimilarItems(itemId, count);
    }

    /// <inheritdoc/>
    public void Dispose() => _index.Dispose();

    private void ThrowIfUnknown(IReadOnlyList<string> itemIds)
    {
        foreach (var id in itemIds)
        {
            if (_index.Store.IndexOf(id) < 0)
            {
                throw new UnknownIdException(ServingIdKind.Item, id, $"The model does not know the item '{id}'.");
            }
        }
    }
}

using LlmErs.Vectors;

namespace LlmErs.Serving.Models;

/// <summary>
/// Adapts a trained model exported by the offline job (<see cref="ServingModel"/>: the model's own item and user
/// vectors, seen items masked, the user tower for new users) to <see cref="IRecommendationModel"/>. Its unknown-id error
/// is a <see cref="KeyNotFoundException"/>, which the endpoints map to 404.
/// </summary>
public sealed class ExportedModel(ServingModel model) : IRecommendationModel
{
    /// <inheritdoc/>
    public string Version => model.Manifest.ModelId;

    /// <inheritdoc/>
    public int ItemCount => model.ItemCount;

    /// <inheritdoc/>
    public IReadOnlyList<Recommendation> RecommendForUser(string userId, int count) => model.RecommendForUser(userId, count);

    /// <inheritdoc/>
    public IReadOnlyList<Recommendation> RecommendForHistory(IReadOnlyList<string> itemIds, int count) => model.RecommendForHistory(itemIds, count);

    /// <inheritdoc/>
    public IReadOnlyList<Recommendation> SimilarItems(string itemId, int count) => model.SimilarItems(itemId, count);

    /// <inheritdoc/>
    public void Dispose() => model.Dispose();
}

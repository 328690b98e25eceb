namespace LlmErs.Serving.Models;

/// <summary>
/// What the host needs from a trained model. Today <see cref="ContentIndexModel"/> adapts the content-vector
/// <see cref="LlmErs.Vectors.RecommenderIndex"/>; an exported two-tower model plugs in through one more adapter.
/// </summary>
/// <remarks>Implementations are immutable and thread-safe; the host swaps whole models rather than mutating one.</remarks>
public interface IRecommendationModel : IDisposable
{
    /// <summary>The version served, reported in responses, /health and metrics.</summary>
    string Version { get; }

    /// <summary>How many items the model can recommend.</summary>
    int ItemCount { get; }

    /// <summary>The top <paramref name="count"/> items for a known user, leaving out what they have seen.</summary>
    /// <exception cref="KeyNotFoundException">The model does not know the user.</exception>
    IReadOnlyList<LlmErs.Vectors.Recommendation> RecommendForUser(string userId, int count);

    /// <summary>The top <paramref name="count"/> items for a history of item ids (a new or anonymous user), leaving the history out.</summary>
    /// <exception cref="KeyNotFoundException">An item of the history is unknown.</exception>
    IReadOnlyList<LlmErs.Vectors.Recommendation> RecommendForHistory(IReadOnlyList<string> itemIds, int count);

    /// <summary>The <paramref name="count"/> items most similar to <paramref name="itemId"/>, leaving it out.</summary>
    /// <exception cref="KeyNotFoundException">The item is unknown.</exception>
    IReadOnlyList<LlmErs.Vectors.Recommendation> SimilarItems(string itemId, int count);
}

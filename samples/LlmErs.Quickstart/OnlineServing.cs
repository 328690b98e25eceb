using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Quickstart;

/// <summary>
/// Serving with no LLM: the movies' content vectors in the memory-mapped store the offline pipeline wrote, and the top K
/// by SIMD dot products with the mean vector of a user's history. No chat client is involved.
/// </summary>
internal static class OnlineServing
{
    private const int MinHistory = 8;
    private const int MaxHistory = 30;

    public static IReadOnlyList<Recommendation> Recommend(IReadOnlyList<string> history, string storePath, int count)
    {
        using var index = RecommenderIndex.Open(storePath);
        return index.RecommendForHistory(history, count);
    }

    /// <summary>
    /// A user to show: the first with a history long enough to have a taste and short enough to list (the longest
    /// otherwise), and that history in time order.
    /// </summary>
    public static (string User, IReadOnlyList<string> History) ExampleUser(InteractionLog log)
    {
        var rows = Enumerable.Range(0, log.Count).ToLookup(row => log[row].User);
        var user = rows.FirstOrDefault(g => g.Count() is >= MinHistory and <= MaxHistory) ?? rows.MaxBy(g => g.Count())!;
        return (log.UserIds[user.Key], [.. user.OrderBy(row => log[row].Timestamp).Select(row => log.ItemIds[log[row].Item])]);
    }
}

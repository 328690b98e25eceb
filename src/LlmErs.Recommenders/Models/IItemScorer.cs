using System.Buffers;

namespace LlmErs.Recommenders;

/// <summary>
/// A model as evaluation sees it: scores items for a user, higher meaning more recommended. User and item indices are
/// those of the <see cref="DataSplit"/> the model was trained on (<see cref="DataSplit.UserIds"/>,
/// <see cref="DataSplit.ItemIds"/>).
/// </summary>
/// <remarks>
/// Evaluation calls these methods concurrently from several threads, for different users: implementations must be
/// safe for concurrent reads (a trained model usually is). They must be deterministic, must score every item
/// including users without training history (cold users), and must not return NaN for a relevant item.
/// </remarks>
public interface IItemScorer
{
    /// <summary>The number of items the model scores: the size of the split's item index space.</summary>
    int ItemCount { get; }

    /// <summary>Writes the score of every item for <paramref name="user"/>: <c>scores[i]</c> for item <c>i</c>.</summary>
    /// <param name="user">The user index.</param>
    /// <param name="scores">The destination, exactly <see cref="ItemCount"/> long.</param>
    void ScoreItems(int user, Span<float> scores);

    /// <summary>
    /// Writes the scores of some items for <paramref name="user"/>: <c>scores[j]</c> for item <c>items[j]</c>, each the
    /// score the all-items overload gives. Sampled evaluation and rankings among a set of items (the cold-item protocol)
    /// use it. The default scores all items and picks; override it when scoring a few items is cheaper.
    /// </summary>
    void ScoreItems(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        var all = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            ScoreItems(user, all.AsSpan(0, ItemCount));
            for (var j = 0; j < items.Length; j++)
            {
                scores[j] = all[items[j]];
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(all);
        }
    }
}

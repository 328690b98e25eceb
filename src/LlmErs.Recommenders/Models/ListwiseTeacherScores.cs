namespace LlmErs.Recommenders;

/// <summary>
/// A listwise teacher's rankings as distillation scores: for each user, the candidates it ranked score from 1 (first)
/// down to 0 (last), linearly in rank; every other item is NaN (not judged). Pointwise distillation reads the score as
/// the probability that the user likes the item, pairwise distillation the order.
/// </summary>
/// <remarks>
/// The rankings are data, e.g. from <c>LlmErs.ListwiseTeacher</c> (an LLM ranking a base model's retrievals), mapped
/// to the split's item indices. Use it as <see cref="DistillationOptions.Teacher"/>.
/// </remarks>
public sealed class ListwiseTeacherScores : IItemScorer, IDistillationCandidates
{
    private readonly int[][] _ranked;
    private readonly Dictionary<int, float>[] _scores;

    private ListwiseTeacherScores(int itemCount, int[][] ranked)
    {
        ItemCount = itemCount;
        _ranked = ranked;
        _scores = new Dictionary<int, float>[ranked.Length];
        for (var user = 0; user < ranked.Length; user++)
        {
            var items = ranked[user];
            _scores[user] = new Dictionary<int, float>(items.Length);
            for (var rank = 0; rank < items.Length; rank++)
            {
                _scores[user][items[rank]] = ScoreAt(rank, items.Length);
            }
        }
    }

    /// <inheritdoc/>
    public int ItemCount { get; }

    /// <summary>The number of users the rankings are indexed by.</summary>
    public int UserCount => _ranked.Length;

    /// <summary>Creates the scores from each user's ranked items, best first.</summary>
    /// <param name="userCount">The split's number of users.</param>
    /// <param name="itemCount">The split's number of items.</param>
    /// <param name="rankings">Per user (index), the items the teacher ranked, best first; users without a ranking are left out.</param>
    /// <exception cref="ArgumentException">A user or item index is out of range, a user is given twice, or an item repeats in a ranking.</exception>
    public static ListwiseTeacherScores Create(int userCount, int itemCount, IEnumerable<(int User, IReadOnlyList<int> RankedItems)> rankings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentNullException.ThrowIfNull(rankings);
        var ranked = new int[userCount][];
        foreach (var (user, items) in rankings)
        {
            if ((uint)user >= (uint)userCount)
            {
                throw new ArgumentException($"User {user} is not an index of the {userCount} users.", nameof(rankings));
            }

            if (ranked[user] is not null)
            {
                throw new ArgumentException($"User {user} has two rankings; give one per user.", nameof(rankings));
            }

            var seen = new HashSet<int>();
            foreach (var item in items)
            {
                if ((uint)item >= (uint)itemCount || !seen.Add(item))
                {
                    throw new ArgumentException($"User {user}'s ranking has item {item}, which is {((uint)item >= (uint)itemCount ? $"not an index of the {itemCount} items" : "listed twice")}.", nameof(rankings));
                }
            }

            ranked[user] = [.. items];
        }

        for (var user = 0; user < userCount; user++)
        {
            ranked[user] ??= [];
        }

        return new ListwiseTeacherScores(itemCount, ranked);
    }

    /// <summary>The score of the candidate at 0-based <paramref name="rank"/> among <paramref name="count"/>: 1 for the first, 0 for the last.</summary>
    public static float ScoreAt(int rank, int count) => count <= 1 ? 1f : 1f - ((float)rank / (count - 1));

    /// <inheritdoc/>
    public ReadOnlySpan<int> CandidatesOf(int user) => _ranked[user];

    /// <inheritdoc/>
    public void ScoreItems(int user, Span<float> scores)
    {
        scores.Fill(float.NaN);
        foreach (var (item, score) in _scores[user])
        {
            scores[item] = score;
        }
    }

    /// <inheritdoc/>
    public void ScoreItems(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        var known = _scores[user];
        for (var j = 0; j < items.Length; j++)
        {
            scores[j] = known.TryGetValue(items[j], out var score) ? score : float.NaN;
        }
    }
}

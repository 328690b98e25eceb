namespace LlmErs.Recommenders;

/// <summary>
/// The candidates an LLM chooses training pairs among (LLMRec's augmentation): for each user, the base model's top
/// items that the user has not interacted with in training.
/// </summary>
/// <remarks>
/// Leak safety: <see cref="FromSplit"/> trains the base model on the split's training part only, and only items with
/// training interactions can be candidates, so neither the validation and test interactions nor which items a
/// cold-item split withholds can shape the candidates; they are the same whatever the held-out parts hold.
/// </remarks>
public static class PairCandidates
{
    /// <summary>
    /// Trains an ID-only BPR base model (<see cref="MatrixFactorization"/>) on <paramref name="split"/>'s training part
    /// and retrieves each user's <paramref name="count"/> candidates with it.
    /// </summary>
    /// <param name="split">The split; only its training part is read.</param>
    /// <param name="users">The users to retrieve for (split indices).</param>
    /// <param name="count">Candidates per user.</param>
    /// <param name="options">The base model's training options; defaults when <see langword="null"/>. It trains for its own epochs, with no validation.</param>
    /// <param name="cancellationToken">Cancels training and retrieval.</param>
    public static PairCandidateSet FromSplit(DataSplit split, IReadOnlyList<int> users, int count, BprOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        var training = UserItemMatrix.Create(split.Train.Users, split.Train.Items, split.UserCount, split.ItemCount);
        var baseModel = MatrixFactorization.Train(training, options, cancellationToken: cancellationToken).Model;
        return new PairCandidateSet(baseModel, users, Retrieve(baseModel, training, users, count, cancellationToken));
    }

    /// <summary>
    /// Each user's latest <paramref name="count"/> training items, oldest first (ties in time keep log order): the
    /// history a request shows, with nothing from the validation or test part.
    /// </summary>
    /// <param name="split">The split; only its training part is read.</param>
    /// <param name="count">The most items per user.</param>
    public static int[][] LatestTrainingItems(DataSplit split, int count)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var itemIndices = Enumerable.Range(0, split.ItemCount).ToArray();
        var histories = UserHistories.FromTraining(split, itemIndices, new UserHistoryOptions { MaxLength = count });
        return [.. histories.Select(history => history.Select(entry => entry.Item).Reverse().ToArray())];
    }

    /// <summary>
    /// Each user's <paramref name="count"/> best-scored items by <paramref name="baseModel"/>, best first (ties by item
    /// index), among the items with interactions in <paramref name="training"/> that the user has none with.
    /// </summary>
    /// <param name="baseModel">A model trained on <paramref name="training"/> only.</param>
    /// <param name="training">The training interactions.</param>
    /// <param name="users">The users to retrieve for.</param>
    /// <param name="count">Candidates per user; a user gets fewer when fewer items qualify.</param>
    /// <param name="cancellationToken">Cancels between users.</param>
    /// <exception cref="ArgumentException">The model and the interactions differ in their items, or a user is outside the data.</exception>
    public static IReadOnlyList<int[]> Retrieve(IItemScorer baseModel, UserItemMatrix training, IReadOnlyList<int> users, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (baseModel.ItemCount != training.ItemCount)
        {
            throw new ArgumentException($"The base model scores {baseModel.ItemCount} items but the training data has {training.ItemCount}; train it on the same split.", nameof(baseModel));
        }

        var trained = training.CountPerItem();
        var results = new int[users.Count][];
        Parallel.For(0, users.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new float[training.ItemCount], (u, _, scores) =>
        {
            var user = users[u];
            if ((uint)user >= (uint)training.UserCount)
            {
                throw new ArgumentException($"User {user} is outside the data ({training.UserCount} users).", nameof(users));
            }

            baseModel.ScoreItems(user, scores);
            results[u] = [.. Enumerable.Range(0, training.ItemCount)
                .Where(item => trained[item] > 0 && !training.Contains(user, item))
                .OrderByDescending(item => scores[item])
                .ThenBy(item => item)
                .Take(count)];
            return scores;
        }, _ => { });
        return results;
    }
}

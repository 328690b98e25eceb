using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace LlmErs.Recommenders;

/// <summary>
/// One evaluation: ranks each user's relevant items among their candidates in parallel (fixed result slots, so the
/// outcome does not depend on threading), optionally counts pooled-AUC pairs in a second pass, then aggregates slices.
/// </summary>
internal static class EvaluationRun
{
    /// <summary>Ranks every user with relevant items, computes the pooled-AUC counts when asked, and aggregates the slices.</summary>
    public static EvaluationResult Execute(IItemScorer scorer, DataSplit split, EvaluationTarget target, ICandidateSource candidates, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var part = target == EvaluationTarget.Test ? split.Test : split.Validation;
        var relevant = UserItemMatrix.Create(part);
        var grades = RelevanceGrades.For(part, options, Names.Of(target));
        var users = Enumerable.Range(0, split.UserCount).Where(u => relevant.CountOf(u) > 0).ToArray();
        if (users.Length == 0)
        {
            throw new InvalidOperationException($"There is nothing to evaluate: the {Names.Of(target)} part of this {Names.Of(split.Protocol)} split is empty.");
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var outcomes = RankUsers(scorer, split, users, relevant, grades, candidates, parallel);
        var pooledNegatives = 0L;
        if (options.Metrics.Contains(Metric.Auc))
        {
            pooledNegatives = CountPooledWins(scorer, split, outcomes, candidates, parallel);
        }

        var slices = new List<SliceResult>();
        var stream = 0;
        foreach (var (slice, includesUser, includesItem) in SliceLayout.Create(split.Train, options.Slices).Definitions())
        {
            if (SliceAggregator.Aggregate(slice, stream++, outcomes, includesUser, includesItem, options.Metrics, pooledNegatives, options.Bootstrap, parallel) is { } result)
            {
                slices.Add(result);
            }
        }

        return new EvaluationResult(candidates.Description, target, options.Metrics, slices, options.Bootstrap, stopwatch.Elapsed);
    }

    private static UserOutcome[] RankUsers(IItemScorer scorer, DataSplit split, int[] users, UserItemMatrix relevant, RelevanceGrades? grades, ICandidateSource candidates, ParallelOptions parallel)
    {
        var outcomes = new UserOutcome[users.Length];
        ForEachUser(users.Length, parallel, (index, workspace) =>
        {
            var user = users[index];
            var items = relevant.ItemsOf(user);
            var positions = workspace.RelevantPositions(items.Length);
            var scores = candidates.Score(scorer, user, items, positions, workspace, out var tieKeys);
            var relevantScores = new float[items.Length];
            for (var k = 0; k < items.Length; k++)
            {
                relevantScores[k] = scores[positions[k]];
                if (float.IsNaN(relevantScores[k]))
                {
                    throw new InvalidOperationException(
                        $"The scorer returned NaN for user '{split.UserIds[user]}' and their relevant item '{split.ItemIds[items[k]]}'; a scorer must return comparable scores.");
                }
            }

            var ranks = new int[items.Length];
            var wins = new long[items.Length];
            RelevantRanker.Rank(scores, tieKeys, positions, ranks, wins, workspace.Ranker);
            outcomes[index] = new UserOutcome(user, items.ToArray(), relevantScores, ranks, wins, scores.Length - items.Length, grades?.Of(user, items));
        });
        return outcomes;
    }

    /// <summary>Scores every user again and counts each positive's wins against the negatives of all users; returns the number of those negatives.</summary>
    private static long CountPooledWins(IItemScorer scorer, DataSplit split, UserOutcome[] outcomes, ICandidateSource candidates, ParallelOptions parallel)
    {
        var firstPositive = new int[outcomes.Length + 1];
        for (var i = 0; i < outcomes.Length; i++)
        {
            firstPositive[i + 1] = firstPositive[i] + outcomes[i].Items.Length;
        }

        var positives = new float[firstPositive[^1]];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i].Scores.CopyTo(positives, firstPositive[i]);
        }

        var counter = new PairCounter(positives);
        var total = new long[positives.Length + 1];
        var gate = new object();
        ForEachUser(
            outcomes.Length,
            parallel,
            (index, workspace) =>
            {
                var outcome = outcomes[index];
                workspace.PooledWinAdds ??= new long[positives.Length + 1];
                var positions = workspace.RelevantPositions(outcome.Items.Length);
                var scores = candidates.Score(scorer, outcome.User, outcome.Items, positions, workspace, out _);
                var next = 0;
                for (var j = 0; j < scores.Length; j++)
                {
                    if (next < positions.Length && positions[next] == j)
                    {
                        if (!scores[j].Equals(outcome.Scores[next]))
                        {
                            throw new InvalidOperationException(
                                $"The scorer gave user '{split.UserIds[outcome.User]}' and item '{split.ItemIds[outcome.Items[next]]}' two different scores ({outcome.Scores[next]}, then {scores[j]}); a scorer must be deterministic.");
                        }

                        next++;
                        continue;
                    }

                    counter.AddNegative(scores[j], workspace.PooledWinAdds);
                }
            },
            workspace =>
            {
                if (workspace.PooledWinAdds is { } adds)
                {
                    // Integer sums: the merge order does not change the result.
                    lock (gate)
                    {
                        for (var s = 0; s < adds.Length; s++)
                        {
                            total[s] += adds[s];
                        }
                    }

                    workspace.PooledWinAdds = null;
                }
            });

        var wins = counter.ResolveDoubledWins(total);
        var negatives = 0L;
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i].PooledDoubledWins = wins[firstPositive[i]..firstPositive[i + 1]];
            negatives += outcomes[i].Negatives;
        }

        return negatives;
    }

    /// <summary>Runs <paramref name="body"/> for every user index in parallel, one workspace per thread, unwrapping a single failure.</summary>
    private static void ForEachUser(int count, ParallelOptions parallel, Action<int, EvaluationWorkspace> body, Action<EvaluationWorkspace>? finish = null)
    {
        try
        {
            Parallel.For(
                0,
                count,
                parallel,
                () => new EvaluationWorkspace(),
                (index, _, workspace) =>
                {
                    body(index, workspace);
                    return workspace;
                },
                workspace => finish?.Invoke(workspace));
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
            throw;
        }
    }
}

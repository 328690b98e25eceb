namespace LlmErs.Vectors;

/// <summary>The second stage: rescore the retrieved candidates and keep the best, ties in retrieval order.</summary>
internal static class Reranking
{
    /// <summary>
    /// The <paramref name="count"/> best of <paramref name="candidates"/> by the second stage's scores, or the candidates
    /// as retrieved when there is no second stage.
    /// </summary>
    /// <exception cref="InvalidOperationException">The reranker gave NaN for a candidate.</exception>
    public static Recommendation[] Apply(RerankOptions? rerank, Recommendation[] candidates, int count)
    {
        if (rerank is null)
        {
            return candidates;
        }

        var reranker = rerank.Reranker;
        var scores = new float[candidates.Length];
        reranker.Score(candidates, scores);
        var order = new int[candidates.Length];
        for (var j = 0; j < order.Length; j++)
        {
            if (float.IsNaN(scores[j]))
            {
                throw new InvalidOperationException(
                    $"The reranker {reranker.GetType().Name} scored the item '{candidates[j].ItemId}' NaN; a reranker must give every candidate a number.");
            }

            order[j] = j;
        }

        // Array.Sort is not stable: the position breaks ties so equal new scores keep the retrieval order.
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        var result = new Recommendation[Math.Min(count, order.Length)];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = candidates[order[j]] with { Score = scores[order[j]] };
        }

        return result;
    }

    /// <summary>How many candidates the first stage retrieves for a request of <paramref name="count"/>.</summary>
    public static int CandidateCount(RerankOptions? rerank, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (rerank is null)
        {
            return count;
        }

        ArgumentNullException.ThrowIfNull(rerank.Reranker, nameof(rerank));
        if (rerank.CandidateCount < count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rerank), rerank.CandidateCount, $"Retrieve at least as many candidates as the {count} items asked for; raise RerankOptions.CandidateCount.");
        }

        return rerank.CandidateCount;
    }
}

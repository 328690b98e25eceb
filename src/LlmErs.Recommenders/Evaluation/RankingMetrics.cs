namespace LlmErs.Recommenders;

/// <summary>
/// The list metrics of one user's ranked list, as plain functions (the evaluator computes the same values from ranks).
/// </summary>
/// <remarks>
/// <para>With <c>rel(i)</c> = 1 when the item at 1-based position <c>i</c> is relevant, <c>R</c> = the number of
/// distinct relevant items, <c>hits@K</c> = Σ<sub>i≤K</sub> rel(i), and K the list's length for a whole-list metric
/// (<c>Metric.Ndcg()</c>):</para>
/// <list type="bullet">
/// <item><description>HitRate@K = 1 if hits@K &gt; 0, else 0.</description></item>
/// <item><description>Recall@K = hits@K / R.</description></item>
/// <item><description>Precision@K = hits@K / K (also when the list is shorter than K).</description></item>
/// <item><description>NDCG@K = DCG@K / IDCG@K with DCG@K = Σ<sub>i≤K</sub> g(i) / log2(i+1) and IDCG@K the same sum over the ideal order, g = rel (binary), the grade (linear) or 2^grade − 1 (exponential).</description></item>
/// <item><description>MAP@K = Σ<sub>i≤K</sub> rel(i) · Precision@i / min(K, R).</description></item>
/// <item><description>MRR = 1 / (position of the first relevant item), 0 when none is listed; MRR@K is 0 when that position is beyond K.</description></item>
/// </list>
/// <para>A relevant item missing from the list is a miss at every K, int.MaxValue included. An item listed twice
/// counts at its first position only; later copies still take up positions. Relevant items are a set (duplicates
/// collapse; with grades a duplicate is an error). With no relevant item the metrics are undefined and return NaN;
/// evaluation skips such users, as RecBole and Microsoft Recommenders do.</para>
/// <para>Ids are any equatable type (item indices, strings). <see cref="FromScores"/> ranks scores exactly as
/// <see cref="RankingEvaluator"/> does, so a user's value can be reproduced outside the evaluator.</para>
/// </remarks>
public static class RankingMetrics
{
    /// <summary>Computes a list metric for one user's list of item indices.</summary>
    /// <param name="metric">A binary list metric (not AUC or GAUC, see <see cref="AreaUnderCurve"/>; graded NDCG needs grades).</param>
    /// <param name="ranked">The recommended items, best first.</param>
    /// <param name="relevant">The user's relevant items.</param>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is AUC, GAUC, graded or not valid.</exception>
    public static double Compute(Metric metric, ReadOnlySpan<int> ranked, ReadOnlySpan<int> relevant) =>
        Compute<int>(metric, ranked, relevant);

    /// <summary>Computes a list metric for one user's list of ids of any equatable type.</summary>
    /// <inheritdoc cref="Compute(Metric, ReadOnlySpan{int}, ReadOnlySpan{int})"/>
    public static double Compute<TId>(Metric metric, ReadOnlySpan<TId> ranked, ReadOnlySpan<TId> relevant)
        where TId : IEquatable<TId>
    {
        CheckListMetric(metric, graded: false);
        var remaining = new HashSet<TId>(relevant.Length);
        foreach (var item in relevant)
        {
            remaining.Add(item);
        }

        if (remaining.Count == 0)
        {
            return double.NaN;
        }

        var ranks = new int[remaining.Count];
        var found = 0;
        for (var position = 0; position < ranked.Length && found < ranks.Length; position++)
        {
            if (remaining.Remove(ranked[position]))
            {
                ranks[found++] = position + 1;
            }
        }

        ranks.AsSpan(found).Fill(MetricFormulas.NotRanked);
        return MetricFormulas.Value(metric, ranks, default, ranked.Length);
    }

    /// <summary>Computes a list metric, graded NDCG included, for one user's list with graded relevant items.</summary>
    /// <param name="metric">A list metric; <see cref="Metric.Gain"/> turns the grades into gain. Binary metrics treat every listed relevant item as relevant, as the evaluator treats every test interaction.</param>
    /// <param name="ranked">The recommended items, best first.</param>
    /// <param name="relevant">The user's relevant items, each once.</param>
    /// <param name="grades">Each relevant item's grade (e.g. its rating), finite and ≥ 0.</param>
    /// <exception cref="ArgumentException">The metric is pairwise or not valid, the spans differ in length, an item is listed twice among the relevant ones, or a grade is negative or not finite.</exception>
    public static double Compute<TId>(Metric metric, ReadOnlySpan<TId> ranked, ReadOnlySpan<TId> relevant, ReadOnlySpan<double> grades)
        where TId : IEquatable<TId>
    {
        CheckListMetric(metric, graded: true);
        CheckGrades(relevant.Length, grades);
        if (relevant.IsEmpty)
        {
            return double.NaN;
        }

        var indexOf = new Dictionary<TId, int>(relevant.Length);
        for (var k = 0; k < relevant.Length; k++)
        {
            if (!indexOf.TryAdd(relevant[k], k))
            {
                throw new ArgumentException($"The relevant item '{relevant[k]}' is listed twice; give each relevant item once, with one grade.", nameof(relevant));
            }

            MetricFormulas.CheckGrade(grades[k], $"relevant item '{relevant[k]}'");
        }

        var ranks = new int[relevant.Length];
        var ordered = new double[relevant.Length];
        var found = 0;
        for (var position = 0; position < ranked.Length && found < ranks.Length; position++)
        {
            if (indexOf.Remove(ranked[position], out var k))
            {
                ordered[found] = grades[k];
                ranks[found++] = position + 1;
            }
        }

        foreach (var k in indexOf.Values)
        {
            ordered[found] = grades[k];
            ranks[found++] = MetricFormulas.NotRanked;
        }

        return MetricFormulas.Value(metric, ranks, ordered, ranked.Length);
    }

    /// <summary>
    /// Computes a list metric from one user's scores, ranking them exactly as <see cref="RankingEvaluator"/> does:
    /// higher scores first, equal scores by the evaluator's seeded permutation of the items, NaN last.
    /// </summary>
    /// <param name="metric">A list metric.</param>
    /// <param name="scores">The user's score for every item, indexed by item (as <see cref="IItemScorer.ScoreItems(int, Span{float})"/> writes them).</param>
    /// <param name="relevant">The user's relevant items (indices into <paramref name="scores"/>).</param>
    /// <param name="grades">For graded NDCG, each relevant item's grade; otherwise empty.</param>
    /// <param name="excluded">Items that are not candidates (the user's masked history); relevant items stay candidates, as in the evaluator.</param>
    /// <param name="tieBreakSeed">The evaluator's <see cref="EvaluationOptions.TieBreakSeed"/>.</param>
    /// <exception cref="ArgumentException">The metric is pairwise or not valid, an item index is out of range or listed twice, a relevant item's score is NaN, or a graded metric has no grades.</exception>
    public static double FromScores(
        Metric metric,
        ReadOnlySpan<float> scores,
        ReadOnlySpan<int> relevant,
        ReadOnlySpan<double> grades = default,
        ReadOnlySpan<int> excluded = default,
        int tieBreakSeed = EvaluationOptions.DefaultTieBreakSeed)
    {
        CheckListMetric(metric, graded: !grades.IsEmpty);
        if (!grades.IsEmpty)
        {
            CheckGrades(relevant.Length, grades);
        }

        if (relevant.IsEmpty)
        {
            return double.NaN;
        }

        // The evaluator's candidates: every item in ascending order but the excluded ones, relevant items always in.
        var role = new sbyte[scores.Length];
        MarkItems(role, excluded, -1, nameof(excluded));
        MarkItems(role, relevant, 1, nameof(relevant));
        var itemTieKeys = SeededShuffle.Permutation(scores.Length, tieBreakSeed);
        var candidateScores = new List<float>(scores.Length);
        var candidateKeys = new List<int>(scores.Length);
        var relevantItems = new List<int>(relevant.Length);
        var positions = new List<int>(relevant.Length);
        for (var item = 0; item < scores.Length; item++)
        {
            if (role[item] < 0)
            {
                continue;
            }

            if (role[item] > 0)
            {
                if (float.IsNaN(scores[item]))
                {
                    throw new ArgumentException($"The score of relevant item {item} is NaN; the evaluator rejects it too.", nameof(scores));
                }

                relevantItems.Add(item);
                positions.Add(candidateScores.Count);
            }

            candidateScores.Add(scores[item]);
            candidateKeys.Add(itemTieKeys[item]);
        }

        var ranks = new int[positions.Count];
        RelevantRanker.Rank([.. candidateScores], [.. candidateKeys], [.. positions], ranks, new long[positions.Count], new RankerScratch());

        var ordered = new double[ranks.Length];
        if (!grades.IsEmpty)
        {
            var gradeOf = new Dictionary<int, double>(relevant.Length);
            for (var k = 0; k < relevant.Length; k++)
            {
                MetricFormulas.CheckGrade(grades[k], $"relevant item {relevant[k]}");
                gradeOf[relevant[k]] = grades[k];
            }

            for (var k = 0; k < ranks.Length; k++)
            {
                ordered[k] = gradeOf[relevantItems[k]];
            }
        }

        Array.Sort(ranks, ordered);
        return MetricFormulas.Value(metric, ranks, ordered, candidateScores.Count);
    }

    private static void CheckListMetric(Metric metric, bool graded)
    {
        if (metric.IsPairwise || !metric.IsValid)
        {
            throw new ArgumentException($"{metric} is not a list metric; use AreaUnderCurve for AUC and GAUC.", nameof(metric));
        }

        if (metric.IsGraded && !graded)
        {
            throw new ArgumentException($"{metric} weighs relevant items by grade; pass each relevant item's grade (e.g. its rating).", nameof(metric));
        }
    }

    private static void CheckGrades(int relevantCount, ReadOnlySpan<double> grades)
    {
        if (grades.Length != relevantCount)
        {
            throw new ArgumentException($"There are {relevantCount} relevant items but {grades.Length} grades; give one grade per relevant item.", nameof(grades));
        }
    }

    private static void MarkItems(sbyte[] role, ReadOnlySpan<int> items, sbyte mark, string name)
    {
        foreach (var item in items)
        {
            if ((uint)item >= (uint)role.Length)
            {
                throw new ArgumentException($"Item {item} is not an index into the {role.Length} scores.", name);
            }

            if (mark > 0 && role[item] > 0)
            {
                throw new ArgumentException($"The relevant item {item} is listed twice; give each relevant item once.", name);
            }

            role[item] = mark;
        }
    }
}

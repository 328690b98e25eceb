using System.Runtime.InteropServices;

namespace LlmErs.Recommenders;

/// <summary>
/// AUC and GAUC as plain functions over labelled scores (the evaluator computes the same values over its candidates).
/// </summary>
/// <remarks>
/// <para>AUC = the share of (positive, negative) pairs in which the positive scores higher, a tie counting ½: the
/// Mann–Whitney form of the area under the ROC curve, equal to scikit-learn's <c>roc_auc_score</c> that RecBole and
/// Microsoft Recommenders call.</para>
/// <para>GAUC = Σ<sub>g</sub> P<sub>g</sub> · AUC<sub>g</sub> / Σ<sub>g</sub> P<sub>g</sub> over groups (users) g
/// with P<sub>g</sub> positives, groups without a positive or without a negative left out (RecBole's GAUC).</para>
/// <para>Both are undefined (NaN) without a positive and a negative to compare.</para>
/// </remarks>
public static class AreaUnderCurve
{
    /// <summary>The AUC of <paramref name="scores"/> against <paramref name="labels"/> (true = positive), all pairs pooled.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        Validate(scores, labels);
        var positives = new List<float>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (labels[i])
            {
                positives.Add(scores[i]);
            }
        }

        return PooledAuc(scores, labels, positives);
    }

    /// <summary>The GAUC of <paramref name="scores"/> against <paramref name="labels"/>, grouped by <paramref name="groups"/> (e.g. user indices).</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    public static double Grouped(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels, ReadOnlySpan<int> groups)
    {
        Validate(scores, labels);
        if (groups.Length != scores.Length)
        {
            throw new ArgumentException($"There are {scores.Length} scores but {groups.Length} groups.", nameof(groups));
        }

        var rows = new int[groups.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        var keys = groups.ToArray();
        Array.Sort(keys, rows);
        double weighted = 0, weights = 0;
        for (var start = 0; start < rows.Length;)
        {
            var end = start;
            while (end < rows.Length && keys[end] == keys[start])
            {
                end++;
            }

            var groupScores = new float[end - start];
            var groupLabels = new bool[end - start];
            var positives = new List<float>();
            for (var i = start; i < end; i++)
            {
                groupScores[i - start] = scores[rows[i]];
                groupLabels[i - start] = labels[rows[i]];
                if (labels[rows[i]])
                {
                    positives.Add(scores[rows[i]]);
                }
            }

            var auc = PooledAuc(groupScores, groupLabels, positives);
            if (!double.IsNaN(auc))
            {
                weighted += positives.Count * auc;
                weights += positives.Count;
            }

            start = end;
        }

        return weights > 0 ? weighted / weights : double.NaN;
    }

    private static double PooledAuc(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels, List<float> positives)
    {
        var negatives = scores.Length - positives.Count;
        if (positives.Count == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var counter = new PairCounter(CollectionsMarshal.AsSpan(positives));
        var doubledWins = 0L;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!labels[i])
            {
                doubledWins += counter.DoubledWinsAgainst(scores[i]);
            }
        }

        return doubledWins / (2.0 * positives.Count * negatives);
    }

    private static void Validate(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"There are {scores.Length} scores but {labels.Length} labels.", nameof(labels));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (float.IsNaN(scores[i]))
            {
                throw new ArgumentException($"Score {i} is NaN; AUC needs comparable scores.", nameof(scores));
            }
        }
    }
}

using System.Runtime.CompilerServices;

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
/// <para>Scores are compared at the precision given: double scores as doubles (0.1000000001 beats 0.1), float scores as
/// floats. Both are undefined (NaN) without a positive and a negative to compare.</para>
/// </remarks>
public static class AreaUnderCurve
{
    /// <summary>The AUC of <paramref name="scores"/> against <paramref name="labels"/> (true = positive), all pairs pooled.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    [OverloadResolutionPriority(1)] // an untyped [] or [1, 2] takes the exact double path
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        Validate(scores, labels);
        return SortedAuc(scores.ToArray(), labels.ToArray(), out _);
    }

    /// <summary>The AUC of float scores (widened to double exactly, so every comparison is as between the floats).</summary>
    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{bool})"/>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels) => Compute(Widen(scores), labels);

    /// <summary>The GAUC of <paramref name="scores"/> against <paramref name="labels"/>, grouped by <paramref name="groups"/> (e.g. user indices).</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    [OverloadResolutionPriority(1)]
    public static double Grouped(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, ReadOnlySpan<int> groups)
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

            var groupScores = new double[end - start];
            var groupLabels = new bool[end - start];
            for (var i = start; i < end; i++)
            {
                groupScores[i - start] = scores[rows[i]];
                groupLabels[i - start] = labels[rows[i]];
            }

            var auc = SortedAuc(groupScores, groupLabels, out var positives);
            if (!double.IsNaN(auc))
            {
                weighted += positives * auc;
                weights += positives;
            }

            start = end;
        }

        return weights > 0 ? weighted / weights : double.NaN;
    }

    /// <summary>The GAUC of float scores (widened to double exactly).</summary>
    /// <inheritdoc cref="Grouped(ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int})"/>
    public static double Grouped(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels, ReadOnlySpan<int> groups) =>
        Grouped(Widen(scores), labels, groups);

    /// <summary>Mann–Whitney over one sort: each run of equal scores wins every lower negative and ties its own.</summary>
    private static double SortedAuc(double[] scores, bool[] labels, out long positives)
    {
        Array.Sort(scores, labels);
        positives = 0;
        long negativesBelow = 0, doubledWins = 0;
        for (var start = 0; start < scores.Length;)
        {
            long runPositives = 0, runNegatives = 0;
            var end = start;
            for (; end < scores.Length && scores[end] == scores[start]; end++)
            {
                if (labels[end])
                {
                    runPositives++;
                }
                else
                {
                    runNegatives++;
                }
            }

            doubledWins += runPositives * ((2 * negativesBelow) + runNegatives);
            negativesBelow += runNegatives;
            positives += runPositives;
            start = end;
        }

        return positives == 0 || negativesBelow == 0 ? double.NaN : doubledWins / (2.0 * positives * negativesBelow);
    }

    private static double[] Widen(ReadOnlySpan<float> scores)
    {
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = scores[i];
        }

        return result;
    }

    private static void Validate(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"There are {scores.Length} scores but {labels.Length} labels.", nameof(labels));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"Score {i} is NaN; AUC needs comparable scores.", nameof(scores));
            }
        }
    }
}

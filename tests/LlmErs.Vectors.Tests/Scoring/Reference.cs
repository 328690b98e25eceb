using LlmErs.Vectors;

namespace LlmErs.Vectors.Tests.Scoring;

/// <summary>Plain double-precision scoring and a full sort: what the kernels must agree with.</summary>
internal static class Reference
{
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Σ |a·b|, the scale of a float dot product's rounding error.</summary>
    public static double Magnitude(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs((double)a[i] * b[i]);
        }

        return sum;
    }

    /// <summary>The top k rows by <paramref name="scores"/>, ties to the lower row.</summary>
    public static int[] TopRows(IReadOnlyList<float> scores, int k, ISet<int>? excluded = null) =>
        Enumerable.Range(0, scores.Count)
            .Where(row => excluded is null || !excluded.Contains(row))
            .OrderByDescending(row => scores[row])
            .ThenBy(row => row)
            .Take(k)
            .ToArray();

    public static int[] Rows(ScoredRow[] results) => Array.ConvertAll(results, result => result.Row);
}

using System.Numerics.Tensors;

namespace LlmErs;

/// <summary>
/// The two-sample MMD test (Gretton et al. 2012) with an RBF kernel: biased MMD² between the runs' vectors, the
/// bandwidth from the median heuristic (σ² = median squared distance of the pooled sample), and a p-value from seeded
/// label permutations.
/// </summary>
internal static class MaximumMeanDiscrepancy
{
    /// <summary>MMD² and its permutation p-value, (1 + permutations at least as large) / (1 + permutations).</summary>
    public static (double Mmd2, double PValue) Test(IReadOnlyList<float[]> old, IReadOnlyList<float[]> @new, int permutations, Random random)
    {
        float[][] pooled = [.. old, .. @new];
        var kernel = Kernel(pooled);
        var labels = new bool[pooled.Length];
        Array.Fill(labels, true, 0, old.Count);
        var observed = Mmd2(kernel, labels, old.Count);
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            random.Shuffle(labels);
            if (Mmd2(kernel, labels, old.Count) >= observed)
            {
                atLeast++;
            }
        }

        return (observed, (1.0 + atLeast) / (1.0 + permutations));
    }

    private static double[,] Kernel(float[][] x)
    {
        var n = x.Length;
        var squared = new double[n, n];
        var upper = new List<double>(n * (n - 1) / 2);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var d = TensorPrimitives.Distance<float>(x[i], x[j]);
                squared[i, j] = squared[j, i] = (double)d * d;
                upper.Add(squared[i, j]);
            }
        }

        upper.Sort();
        var median = upper.Count == 0 ? 0 : upper[upper.Count / 2];
        var scale = median > 0 ? 1 / (2 * median) : 1;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                squared[i, j] = Math.Exp(-squared[i, j] * scale);
            }
        }

        return squared;
    }

    private static double Mmd2(double[,] kernel, bool[] isOld, int oldCount)
    {
        double xx = 0, yy = 0, xy = 0;
        var n = isOld.Length;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var k = kernel[i, j];
                if (isOld[i] == isOld[j])
                {
                    if (isOld[i]) xx += k; else yy += k;
                }
                else
                {
                    xy += k;
                }
            }
        }

        double m = oldCount, q = n - oldCount;
        return xx / (m * m) + yy / (q * q) - xy / (m * q);
    }
}

namespace LlmErs;

/// <summary>The one-dimensional statistics: PSI over shares, quantile bins and the two-sample Kolmogorov–Smirnov test.</summary>
internal static class DriftStatistics
{
    // An empty bucket would make PSI infinite; common practice floors shares at a small epsilon.
    private const double ShareFloor = 1e-4;

    /// <summary>Population stability index Σ (new − old) · ln(new / old) over matching shares.</summary>
    public static double Psi(IReadOnlyList<double> old, IReadOnlyList<double> @new)
    {
        var psi = 0.0;
        for (var i = 0; i < old.Count; i++)
        {
            double p = Math.Max(old[i], ShareFloor), q = Math.Max(@new[i], ShareFloor);
            psi += (q - p) * Math.Log(q / p);
        }

        return psi;
    }

    /// <summary>The distinct inner edges of <paramref name="bins"/> quantile bins of <paramref name="sortedOld"/>; ties merge bins.</summary>
    public static double[] QuantileEdges(double[] sortedOld, int bins)
    {
        var edges = new SortedSet<double>();
        for (var i = 1; i < bins && sortedOld.Length > 0; i++)
        {
            edges.Add(sortedOld[Math.Min(sortedOld.Length - 1, (int)((long)i * sortedOld.Length / bins))]);
        }

        edges.Remove(sortedOld.Length > 0 ? sortedOld[0] : 0);
        return [.. edges];
    }

    /// <summary>The share of <paramref name="values"/> in each bin: (−∞, e₀), [e₀, e₁), …, [eₖ, ∞).</summary>
    public static double[] Shares(IReadOnlyCollection<double> values, double[] edges)
    {
        var shares = new double[edges.Length + 1];
        foreach (var value in values)
        {
            var index = Array.BinarySearch(edges, value);
            shares[index >= 0 ? index + 1 : ~index] += 1.0 / values.Count;
        }

        return shares;
    }

    /// <summary>The KS statistic (largest gap between the empirical distribution functions) and its asymptotic p-value.</summary>
    public static (double Statistic, double PValue) KolmogorovSmirnov(double[] sortedOld, double[] sortedNew)
    {
        int i = 0, j = 0;
        var d = 0.0;
        while (i < sortedOld.Length && j < sortedNew.Length)
        {
            var x = Math.Min(sortedOld[i], sortedNew[j]);
            while (i < sortedOld.Length && sortedOld[i] == x) i++;
            while (j < sortedNew.Length && sortedNew[j] == x) j++;
            d = Math.Max(d, Math.Abs((double)i / sortedOld.Length - (double)j / sortedNew.Length));
        }

        var n = (double)sortedOld.Length * sortedNew.Length / (sortedOld.Length + sortedNew.Length);
        return (d, KolmogorovQ((Math.Sqrt(n) + 0.12 + 0.11 / Math.Sqrt(n)) * d));
    }

    // The Kolmogorov distribution's tail, Q(λ) = 2 Σ (−1)^(k−1) exp(−2 k² λ²) (Numerical Recipes' probks).
    private static double KolmogorovQ(double lambda)
    {
        if (lambda < 1e-3)
        {
            return 1;
        }

        double sum = 0, sign = 1;
        for (var k = 1; k <= 100; k++)
        {
            var term = sign * Math.Exp(-2 * k * k * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-10)
            {
                return Math.Clamp(2 * sum, 0, 1);
            }

            sign = -sign;
        }

        return 1;
    }
}

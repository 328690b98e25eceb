namespace LlmErs;

/// <summary>The Wilson score interval of a binomial rate: well-behaved at small samples and at rates near 0 or 1.</summary>
internal static class WilsonInterval
{
    private const double Z95 = 1.959963984540054;

    public static (double Low, double High) Of(int successes, int trials)
    {
        if (trials == 0)
        {
            return (0, 1);
        }

        double n = trials, p = successes / n, z2 = Z95 * Z95;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }
}

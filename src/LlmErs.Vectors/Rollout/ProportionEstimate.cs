namespace LlmErs.Vectors;

/// <summary>A rate with its Wilson score interval at 95% confidence.</summary>
/// <param name="Successes">How many trials succeeded.</param>
/// <param name="Trials">How many trials there were.</param>
/// <param name="Rate">Successes over trials; <see cref="double.NaN"/> with no trials.</param>
/// <param name="Lower">The interval's lower bound (0 with no trials).</param>
/// <param name="Upper">The interval's upper bound (1 with no trials).</param>
public readonly record struct ProportionEstimate(long Successes, long Trials, double Rate, double Lower, double Upper)
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>: unlike the normal
    /// approximation it stays inside [0, 1] and keeps its coverage for rare events such as clicks and small samples.
    /// </summary>
    public static ProportionEstimate Wilson(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
        {
            return new ProportionEstimate(0, 0, double.NaN, 0, 1);
        }

        const double z2 = Z95 * Z95;
        double n = trials;
        var p = successes / n;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return new ProportionEstimate(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

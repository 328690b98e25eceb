namespace LlmErs.Vectors;

/// <summary>The difference between two independent rates with a 95% interval.</summary>
/// <param name="Difference">The first rate minus the second.</param>
/// <param name="Lower">The interval's lower bound.</param>
/// <param name="Upper">The interval's upper bound.</param>
public readonly record struct DifferenceEstimate(double Difference, double Lower, double Upper)
{
    /// <summary>
    /// Newcombe's hybrid score interval (method 10 of Newcombe, 1998) for <paramref name="first"/> − <paramref name="second"/>,
    /// built from the two Wilson intervals; it keeps its coverage where the Wald interval fails (rates near 0, small arms).
    /// </summary>
    /// <remarks>An arm with no trials has no rate; the difference is then <see cref="double.NaN"/> within [−1, 1].</remarks>
    public static DifferenceEstimate Newcombe(ProportionEstimate first, ProportionEstimate second)
    {
        if (first.Trials == 0 || second.Trials == 0)
        {
            return new DifferenceEstimate(double.NaN, -1, 1);
        }

        var difference = first.Rate - second.Rate;
        var lower = difference - Math.Sqrt(Square(first.Rate - first.Lower) + Square(second.Upper - second.Rate));
        var upper = difference + Math.Sqrt(Square(first.Upper - first.Rate) + Square(second.Rate - second.Lower));
        return new DifferenceEstimate(difference, lower, upper);
    }

    private static double Square(double value) => value * value;
}

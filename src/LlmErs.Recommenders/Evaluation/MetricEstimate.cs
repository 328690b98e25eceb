using System.Globalization;

namespace LlmErs.Recommenders;

/// <summary>A metric's value with its bootstrap confidence interval.</summary>
/// <param name="Value">The value on all evaluated users of the slice.</param>
/// <param name="Lower">The lower bound of the percentile interval; NaN without resampling.</param>
/// <param name="Upper">The upper bound; NaN without resampling.</param>
public readonly record struct MetricEstimate(double Value, double Lower, double Upper)
{
    /// <summary>Whether the estimate has an interval.</summary>
    public bool HasInterval => !double.IsNaN(Lower) && !double.IsNaN(Upper);

    /// <summary>Whether the two intervals are disjoint (one is entirely above the other).</summary>
    public bool IsSeparatedFrom(MetricEstimate other) =>
        HasInterval && other.HasInterval && (Lower > other.Upper || other.Lower > Upper);

    /// <summary><c>0.1234 [0.1100, 0.1350]</c>, or just the value without an interval.</summary>
    public override string ToString() => ToString("F4");

    /// <summary>Formats the value and bounds with <paramref name="format"/> (invariant culture).</summary>
    public string ToString(string format)
    {
        var value = Value.ToString(format, CultureInfo.InvariantCulture);
        return HasInterval
            ? $"{value} [{Lower.ToString(format, CultureInfo.InvariantCulture)}, {Upper.ToString(format, CultureInfo.InvariantCulture)}]"
            : value;
    }
}

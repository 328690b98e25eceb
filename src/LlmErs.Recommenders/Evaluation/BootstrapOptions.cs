namespace LlmErs.Recommenders;

/// <summary>
/// Options of the percentile bootstrap over users that gives every metric its confidence interval: users are drawn
/// with replacement, as many as were evaluated (in a slice: as many as the slice has), and the metric recomputed.
/// </summary>
public sealed class BootstrapOptions
{
    // Resample indices share a 20-bit field of the random stream id.
    internal const int MaxResamples = 1 << 20;

    /// <summary>The number of resamples; 1,000 by default; 0 for no intervals.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>The confidence level of the interval; 0.95 by default.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// The seed of the resampling. Keep it fixed across the models of one comparison: on the same split, every model's
    /// interval then comes from the same resampled user sets.
    /// </summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Resamples, nameof(Resamples));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Resamples, MaxResamples, nameof(Resamples));
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must be in (0, 1), e.g. 0.95.");
        }
    }
}

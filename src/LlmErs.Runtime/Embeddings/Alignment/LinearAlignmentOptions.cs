namespace LlmErs;

/// <summary>Options of <see cref="LinearAlignment.Fit"/>.</summary>
public sealed class LinearAlignmentOptions
{
    /// <summary>
    /// The ridge penalty relative to the source vectors' mean squared norm (so it does not depend on their scale): 0 is
    /// plain least squares, which needs more pairs than source dimensions; the default 0.1 keeps the map stable when
    /// pairs are few, as they are when fewer items than dimensions have both modalities.
    /// </summary>
    public double Ridge { get; set; } = 0.1;

    /// <summary>The fewest pairs a map is fitted from; fewer is an error. Default 8.</summary>
    public int MinimumPairs { get; set; } = 8;
}

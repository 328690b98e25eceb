namespace LlmErs.Vectors;

/// <summary>How a treatment arm differs from a control arm.</summary>
/// <param name="Treatment">The treatment's metrics.</param>
/// <param name="Control">The control's metrics.</param>
/// <param name="ClickThroughRate">Treatment CTR minus control CTR.</param>
/// <param name="ConversionRate">Treatment CVR minus control CVR.</param>
public sealed record ArmComparison(ArmStatistics Treatment, ArmStatistics Control, DifferenceEstimate ClickThroughRate, DifferenceEstimate ConversionRate);

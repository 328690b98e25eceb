namespace LlmErs.Vectors;

/// <summary>The online metrics of one arm.</summary>
/// <param name="Arm">The arm's name.</param>
/// <param name="Exposures">How many responses the arm served.</param>
/// <param name="ClickThroughRate">Responses with at least one click, over responses served (CTR).</param>
/// <param name="ConversionRate">Responses with a conversion, over responses with a click (post-click CVR).</param>
public sealed record ArmStatistics(string Arm, long Exposures, ProportionEstimate ClickThroughRate, ProportionEstimate ConversionRate);

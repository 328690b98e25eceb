namespace LlmErs.Vectors;

/// <summary>Per-arm online metrics computed from an exposure log by <see cref="RolloutStatistics.Compute(string)"/>.</summary>
/// <param name="Arms">One entry per arm seen in the log, ordered by name.</param>
/// <param name="UnmatchedFeedback">Feedback lines whose request was never logged or whose item was not shown in it; left out of the rates.</param>
public sealed record RolloutReport(IReadOnlyList<ArmStatistics> Arms, long UnmatchedFeedback)
{
    /// <summary>The metrics of <paramref name="arm"/>; an arm with no exposures has empty rates.</summary>
    public ArmStatistics this[string arm] =>
        Arms.FirstOrDefault(a => a.Arm == arm)
        ?? new ArmStatistics(arm, 0, ProportionEstimate.Wilson(0, 0), ProportionEstimate.Wilson(0, 0));

    /// <summary>The differences <paramref name="treatment"/> − <paramref name="control"/> in CTR and CVR, with Newcombe intervals.</summary>
    public ArmComparison Compare(string treatment, string control)
    {
        var t = this[treatment];
        var c = this[control];
        return new ArmComparison(
            t,
            c,
            DifferenceEstimate.Newcombe(t.ClickThroughRate, c.ClickThroughRate),
            DifferenceEstimate.Newcombe(t.ConversionRate, c.ConversionRate));
    }
}

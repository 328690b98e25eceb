namespace LlmErs.Vectors;

/// <summary>Computes per-arm CTR and conversion rate from an exposure log.</summary>
public static class RolloutStatistics
{
    /// <summary>
    /// Counts, per arm, the responses served, those with a click, and those with a conversion, and estimates CTR and
    /// post-click CVR with Wilson intervals.
    /// </summary>
    /// <remarks>
    /// The unit is a response, not an item: a response clicked twice counts once, so each response is one Bernoulli trial
    /// and the binomial intervals hold. A conversion counts as a click as well. Feedback on an item the response did not
    /// show is not attributed to the arm.
    /// </remarks>
    public static RolloutReport Compute(ExposureLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var exposures = new Dictionary<string, ExposureRecord>(log.Exposures.Count);
        foreach (var exposure in log.Exposures)
        {
            exposures[exposure.RequestId] = exposure;
        }

        var clicked = new HashSet<string>();
        var converted = new HashSet<string>();
        long unmatched = 0;
        foreach (var feedback in log.Feedback)
        {
            if (!exposures.TryGetValue(feedback.RequestId, out var exposure) || !exposure.Items.Contains(feedback.ItemId))
            {
                unmatched++;
                continue;
            }

            clicked.Add(feedback.RequestId);
            if (feedback.Kind == FeedbackKind.Conversion)
            {
                converted.Add(feedback.RequestId);
            }
        }

        var arms = exposures.Values
            .GroupBy(exposure => exposure.Arm, StringComparer.Ordinal)
            .OrderBy(arm => arm.Key, StringComparer.Ordinal)
            .Select(arm =>
            {
                long served = 0, clicks = 0, conversions = 0;
                foreach (var exposure in arm)
                {
                    served++;
                    clicks += clicked.Contains(exposure.RequestId) ? 1 : 0;
                    conversions += converted.Contains(exposure.RequestId) ? 1 : 0;
                }

                return new ArmStatistics(arm.Key, served, ProportionEstimate.Wilson(clicks, served), ProportionEstimate.Wilson(conversions, clicks));
            })
            .ToArray();
        return new RolloutReport(arms, unmatched);
    }
}

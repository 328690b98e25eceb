namespace LlmErs.Vectors;

/// <summary>Computes per-arm CTR and conversion rate from an exposure log.</summary>
/// <remarks>
/// The unit is a response, not an item: a response clicked twice counts once, so each response is one Bernoulli trial
/// and the binomial intervals hold. A conversion counts as a click as well. Feedback on an item the response did not
/// show, or on a request the log never served, is not attributed to an arm. Each response has its own request id, as
/// the serving host writes them.
/// </remarks>
public static class RolloutStatistics
{
    /// <summary>
    /// Counts, per arm, the responses served, those with a click, and those with a conversion in the log at
    /// <paramref name="path"/>, and estimates CTR and post-click CVR with Wilson intervals.
    /// </summary>
    /// <remarks>
    /// The log is streamed twice, feedback first: memory grows with the arms and the requests that got feedback, never
    /// with the exposures, which are most of a log.
    /// </remarks>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a valid record; the message names the file and line.</exception>
    public static RolloutReport Compute(string path) =>
        Compute(ExposureLogReader.ReadFeedback(path), ExposureLogReader.ReadExposures(path));

    /// <summary>The same report for a log already in memory.</summary>
    public static RolloutReport Compute(ExposureLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Compute(log.Feedback, log.Exposures);
    }

    private static RolloutReport Compute(IEnumerable<FeedbackRecord> feedback, IEnumerable<ExposureRecord> exposures)
    {
        var feedbackByRequest = new Dictionary<string, List<FeedbackRecord>>(StringComparer.Ordinal);
        foreach (var record in feedback)
        {
            if (!feedbackByRequest.TryGetValue(record.RequestId, out var list))
            {
                feedbackByRequest[record.RequestId] = list = [];
            }

            list.Add(record);
        }

        var arms = new SortedDictionary<string, ArmCounts>(StringComparer.Ordinal);
        long unmatched = 0;
        foreach (var exposure in exposures)
        {
            if (!arms.TryGetValue(exposure.Arm, out var counts))
            {
                arms[exposure.Arm] = counts = new ArmCounts();
            }

            counts.Served++;
            if (!feedbackByRequest.Remove(exposure.RequestId, out var received))
            {
                continue;
            }

            bool clicked = false, converted = false;
            foreach (var record in received)
            {
                if (!exposure.Items.Contains(record.ItemId))
                {
                    unmatched++;
                    continue;
                }

                clicked = true;
                converted |= record.Kind == FeedbackKind.Conversion;
            }

            counts.Clicks += clicked ? 1 : 0;
            counts.Conversions += converted ? 1 : 0;
        }

        // Feedback left over names requests the log never served.
        unmatched += feedbackByRequest.Values.Sum(list => (long)list.Count);
        return new RolloutReport(
            [.. arms.Select(arm => new ArmStatistics(
                arm.Key,
                arm.Value.Served,
                ProportionEstimate.Wilson(arm.Value.Clicks, arm.Value.Served),
                ProportionEstimate.Wilson(arm.Value.Conversions, arm.Value.Clicks)))],
            unmatched);
    }

    private sealed class ArmCounts
    {
        public long Served { get; set; }

        public long Clicks { get; set; }

        public long Conversions { get; set; }
    }
}

namespace LlmErs.Recommenders;

/// <summary>
/// A global temporal split: interactions ordered by time, the earliest <see cref="SplitFractions.Train"/> share to
/// training, the next <see cref="SplitFractions.Validation"/> share to validation, the rest to test. Interactions that
/// share a cut-off's timestamp all go to the earlier part, so every validation interaction is strictly later than
/// every training one, and every test interaction strictly later than both.
/// </summary>
public static class TemporalSplitter
{
    /// <summary>Splits <paramref name="log"/> at the time quantiles of <paramref name="fractions"/>; deterministic.</summary>
    /// <exception cref="ArgumentException">The log repeats a (user, item) pair; call <see cref="InteractionLogOperations.Deduplicate"/> first.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The fractions are invalid.</exception>
    /// <exception cref="InvalidOperationException">Timestamp ties at the cut-off leave the test part empty.</exception>
    public static DataSplit Split(InteractionLog log, SplitFractions fractions)
    {
        SplitGuard.RequireDistinctPairs(log);
        fractions.Validate();
        var order = ChronologicalRows.Global(log);
        var timestamps = log.Timestamps;
        var trainEnd = ExtendOverTies(order, timestamps, (int)Math.Round(order.Length * fractions.Train));
        var validationEnd = ExtendOverTies(order, timestamps, Math.Max(trainEnd, (int)Math.Round(order.Length * (fractions.Train + fractions.Validation))));
        if (validationEnd >= order.Length)
        {
            throw new InvalidOperationException(
                $"The temporal split left no test interactions: the {order.Length - trainEnd} interactions after the training cut-off share too few timestamps. Lower the training or validation share.");
        }

        var parts = new byte[log.Count];
        for (var i = trainEnd; i < order.Length; i++)
        {
            parts[order[i]] = i < validationEnd ? DataSplit.ValidationPart : DataSplit.TestPart;
        }

        return DataSplit.FromParts(SplitProtocol.Temporal, log, parts);
    }

    /// <summary>Moves a cut-off past the rows that share the timestamp of the last row before it.</summary>
    private static int ExtendOverTies(int[] order, ReadOnlySpan<long> timestamps, int end)
    {
        if (end == 0)
        {
            return 0;
        }

        var last = timestamps[order[end - 1]];
        while (end < order.Length && timestamps[order[end]] == last)
        {
            end++;
        }

        return end;
    }
}

namespace LlmErs.Recommenders;

/// <summary>A seeded random partition of the interactions into training, validation and test shares.</summary>
public static class RandomSplitter
{
    /// <summary>Splits <paramref name="log"/>; the same log, fractions and seed give the same split on every machine.</summary>
    /// <exception cref="ArgumentException">The log repeats a (user, item) pair; call <see cref="InteractionLogOperations.Deduplicate"/> first.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The fractions are invalid.</exception>
    public static DataSplit Split(InteractionLog log, SplitFractions fractions, int seed)
    {
        SplitGuard.RequireDistinctPairs(log);
        fractions.Validate();
        var order = SeededShuffle.Permutation(log.Count, seed);
        var trainCount = (int)Math.Round(log.Count * fractions.Train);
        var validationCount = (int)Math.Round(log.Count * fractions.Validation);
        var parts = new byte[log.Count];
        for (var i = trainCount; i < order.Length; i++)
        {
            parts[order[i]] = i < trainCount + validationCount ? DataSplit.ValidationPart : DataSplit.TestPart;
        }

        return DataSplit.FromParts(SplitProtocol.Random, log, parts);
    }
}

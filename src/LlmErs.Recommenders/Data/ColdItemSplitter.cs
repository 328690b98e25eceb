namespace LlmErs.Recommenders;

/// <summary>
/// A cold-item split: a seeded share of the items is withheld from training entirely; every interaction with a
/// withheld test item forms the test part (and with a withheld validation item, the validation part). This measures
/// how well a model ranks items it has never seen an interaction for, i.e. what content features alone carry.
/// </summary>
public static class ColdItemSplitter
{
    /// <summary>Splits <paramref name="log"/>; the same log and options give the same split on every machine.</summary>
    /// <exception cref="ArgumentException">The log repeats a (user, item) pair; call <see cref="InteractionLogOperations.Deduplicate"/> first.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public static DataSplit Split(InteractionLog log, ColdItemSplitOptions? options = null)
    {
        options ??= new ColdItemSplitOptions();
        SplitGuard.RequireDistinctPairs(log);
        options.Validate();
        var counts = log.CountPerItem();
        var eligible = new List<int>(counts.Length);
        for (var item = 0; item < counts.Length; item++)
        {
            if (counts[item] > 0)
            {
                eligible.Add(item);
            }
        }

        var shuffled = eligible.ToArray();
        SeededShuffle.Shuffle(shuffled, options.Seed);
        var testCount = Math.Max(1, (int)Math.Round(shuffled.Length * options.TestItemFraction));
        var validationCount = (int)Math.Round(shuffled.Length * options.ValidationItemFraction);
        if (testCount + validationCount >= shuffled.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                $"Withholding {testCount} test and {validationCount} validation items of {shuffled.Length} leaves none for training; lower the shares.");
        }

        var testItems = shuffled[..testCount];
        var validationItems = shuffled[testCount..(testCount + validationCount)];
        Array.Sort(testItems);
        Array.Sort(validationItems);

        var itemParts = new byte[log.ItemCount];
        foreach (var item in testItems)
        {
            itemParts[item] = DataSplit.TestPart;
        }

        foreach (var item in validationItems)
        {
            itemParts[item] = DataSplit.ValidationPart;
        }

        var items = log.Items;
        var parts = new byte[log.Count];
        for (var row = 0; row < parts.Length; row++)
        {
            parts[row] = itemParts[items[row]];
        }

        return DataSplit.FromParts(SplitProtocol.ColdItem, log, parts, testItems, validationItems);
    }
}

namespace LlmErs.Recommenders;

/// <summary>Options of <see cref="ColdItemSplitter"/>.</summary>
public sealed class ColdItemSplitOptions
{
    /// <summary>The share of the items (those with at least one interaction) withheld for the test part; 10% by default.</summary>
    public double TestItemFraction { get; init; } = 0.1;

    /// <summary>The share withheld, separately, for the validation part; none by default.</summary>
    public double ValidationItemFraction { get; init; }

    /// <summary>The seed that picks the withheld items.</summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (!(TestItemFraction > 0 && TestItemFraction < 1) || !(ValidationItemFraction >= 0 && ValidationItemFraction < 1) || !(TestItemFraction + ValidationItemFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(ColdItemSplitOptions),
                $"Invalid withheld shares (test {TestItemFraction}, validation {ValidationItemFraction}): the test share must be in (0, 1), the validation share in [0, 1), and together below 1 so that training keeps items.");
        }
    }
}

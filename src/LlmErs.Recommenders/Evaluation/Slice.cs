namespace LlmErs.Recommenders;

/// <summary>
/// A subset of the test cases that evaluation reports separately. An item-popularity slice keeps each user's
/// relevant items in that bucket (the ranking is unchanged: other relevant items still take their places in it); a
/// user-history slice keeps all test cases of the users in that bucket.
/// </summary>
/// <param name="Group">What the slice divides.</param>
/// <param name="Name">A short, stable name: <see cref="OverallName"/>, <see cref="ColdName"/>, <see cref="LongTailName"/>, <see cref="HeadName"/>, or a history range such as <c>21-50</c>.</param>
/// <param name="Description">The precise definition on this data, with its thresholds.</param>
public sealed record Slice(SliceGroup Group, string Name, string Description)
{
    /// <summary>The name of the slice of all test cases.</summary>
    public const string OverallName = "overall";

    /// <summary>The name of the cold-item slice (at most <see cref="SliceOptions.ColdItemMaxTrainInteractions"/> training interactions).</summary>
    public const string ColdName = "cold";

    /// <summary>The name of the long-tail slice (neither cold nor head).</summary>
    public const string LongTailName = "long-tail";

    /// <summary>The name of the head slice (the most popular <see cref="SliceOptions.HeadItemShare"/>).</summary>
    public const string HeadName = "head";
}

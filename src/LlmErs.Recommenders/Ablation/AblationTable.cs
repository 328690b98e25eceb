
namespace LlmErs.Recommenders;

/// <summary>One table of an ablation report: which evaluation of each row it shows, and which slice of it.</summary>
/// <param name="Key">A stable name for the JSON output.</param>
/// <param name="Title">The heading.</param>
/// <param name="Evaluation">The evaluation of a row the table shows.</param>
/// <param name="ItemSlice">An item-popularity slice (e.g. <see cref="Slice.ColdName"/>), or null for all test cases.</param>
/// <param name="AmongWithheldItems">Whether the ranking's candidates are the withheld items only (cold-item protocol).</param>
internal sealed record AblationTable(string Key, string Title, Func<AblationRow, EvaluationResult?> Evaluation, string? ItemSlice, bool AmongWithheldItems = false)
{
    /// <summary>The slice of a row the table shows; null when the row's evaluation has no test case in it.</summary>
    public SliceResult? Select(AblationRow row) =>
        Evaluation(row) is not { } evaluation ? null
        : ItemSlice is null ? evaluation.Overall
        : evaluation.FindSlice(SliceGroup.ItemPopularity, ItemSlice);

    /// <summary>
    /// The tables of a protocol: for a cold-item split, the withheld items ranked among themselves, then among all items;
    /// otherwise full ranking overall, then its cold-item slice.
    /// </summary>
    public static IReadOnlyList<AblationTable> For(SplitProtocol protocol) => protocol == SplitProtocol.ColdItem
        ?
        [
            new("amongWithheldItems", "Withheld items ranked among the withheld items", row => row.AmongWithheldItems, null, AmongWithheldItems: true),
            new("amongAllItems", "Withheld items ranked among all items", row => row.Ranking, null),
        ]
        :
        [
            new("overall", "Overall", row => row.Ranking, null),
            new("coldItems", "Cold items", row => row.Ranking, Slice.ColdName),
        ];
}

using LlmErs.Recommenders;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>Where one run of the sample keeps its trained ablation rows, and the row slots its protocols share.</summary>
/// <param name="CacheDirectory">The row cache (<see cref="AblationOptions.CacheDirectory"/>); null for none.</param>
/// <param name="Slots">The slots shared with the other protocol (<see cref="AblationOptions.RowSlots"/>); null to train alone.</param>
internal sealed record AblationRun(string? CacheDirectory, AblationRowSlots? Slots)
{
    /// <summary>No cache, no shared slots.</summary>
    public static AblationRun None { get; } = new(null, null);
}

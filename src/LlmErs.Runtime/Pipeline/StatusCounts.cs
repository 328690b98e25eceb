namespace LlmErs;

/// <summary>How many items ended a run with each status, for one derived field.</summary>
/// <param name="Ok">Valid values.</param>
/// <param name="Unknown">Valid "cannot tell" answers.</param>
/// <param name="Failed">Values that could not be derived.</param>
/// <param name="Quarantined">Values a gate held back.</param>
public sealed record StatusCounts(int Ok, int Unknown, int Failed, int Quarantined);

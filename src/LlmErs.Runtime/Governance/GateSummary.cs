namespace LlmErs;

/// <summary>What one gate quarantined in one field, and what review made of it.</summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="Field">The derived field.</param>
/// <param name="Quarantined">Values the gate quarantined (before review).</param>
/// <param name="Accepted">Of those, values a reviewer accepted.</param>
/// <param name="Replaced">Of those, values a reviewer replaced.</param>
/// <param name="Rejected">Of those, values a reviewer rejected.</param>
/// <param name="Examples">The first few findings, for a look at what the gate catches.</param>
public sealed record GateSummary(
    string Gate, string Field, int Quarantined, int Accepted, int Replaced, int Rejected, IReadOnlyList<GateFinding> Examples);

namespace LlmErs;

/// <summary>The sampled fact check of one free-text field: the estimated violation rate with its Wilson 95% interval.</summary>
/// <param name="Field">The field.</param>
/// <param name="Sampled">Values sent to the judge.</param>
/// <param name="Judged">Values the judge returned a valid verdict on.</param>
/// <param name="Violations">Of those, unsupported or contradicted ones (quarantined as <c>fact-check</c>).</param>
/// <param name="Rate">Violations / judged.</param>
/// <param name="Low">The interval's lower bound.</param>
/// <param name="High">The interval's upper bound.</param>
/// <param name="MaxViolationRate">The most the upper bound may be; <see langword="null"/> when not enforced.</param>
public sealed record FactCheckResult(string Field, int Sampled, int Judged, int Violations, double Rate, double Low, double High, double? MaxViolationRate)
{
    /// <summary>Whether the upper bound is within <see cref="MaxViolationRate"/> (always, when none is set).</summary>
    public bool Passed => MaxViolationRate is not { } max || High <= max;
}

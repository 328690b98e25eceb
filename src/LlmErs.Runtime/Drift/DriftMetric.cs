namespace LlmErs;

/// <summary>One statistic of a field, compared with its thresholds.</summary>
/// <param name="Name">What was measured, e.g. <c>PSI</c>, <c>KS</c>, <c>failed rate</c>.</param>
/// <param name="Value">The statistic; for a rate, the change from the old to the new run.</param>
/// <param name="Old">The old run's value when the statistic compares two values (rates, codes used); otherwise <see langword="null"/>.</param>
/// <param name="New">The new run's value, likewise.</param>
/// <param name="Severity">The threshold crossed.</param>
/// <param name="Rule">The thresholds, as read, e.g. <c>warn ≥ 0.1, alert ≥ 0.25</c>; <see langword="null"/> for a statistic shown for context.</param>
/// <param name="PValue">The test's p-value (KS, MMD); <see langword="null"/> for other statistics.</param>
public sealed record DriftMetric(string Name, double Value, double? Old, double? New, DriftSeverity Severity, string? Rule, double? PValue = null);

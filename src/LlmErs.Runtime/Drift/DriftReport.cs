namespace LlmErs;

/// <summary>What changed between two pipeline runs: per field statistics, and the runs' context (models, fingerprints).</summary>
/// <param name="Old">The old (reference) run.</param>
/// <param name="New">The new run.</param>
/// <param name="Context">Differences between the manifests: models, library version, field fingerprints, item counts.</param>
/// <param name="Fields">Every derived field, in the old run's column order, then fields only the new run has.</param>
/// <param name="Options">The thresholds the fields were graded with.</param>
public sealed record DriftReport(DriftRunInfo Old, DriftRunInfo New, IReadOnlyList<string> Context, IReadOnlyList<FieldDrift> Fields, DriftOptions Options)
{
    /// <summary>The highest severity among the fields.</summary>
    public DriftSeverity Severity => Fields.Count == 0 ? DriftSeverity.None : Fields.Max(f => f.Severity);

    /// <summary>The command line's exit code: 0 no drift, 1 a warning, 2 an alert.</summary>
    public int ExitCode => (int)Severity;
}

namespace LlmErs;

/// <summary>How one derived field moved between two runs.</summary>
/// <param name="Name">The field (its value column's name).</param>
/// <param name="Kind">How it was compared.</param>
/// <param name="Metrics">Its statistics.</param>
/// <param name="Histogram">The distributions behind the PSI; <see langword="null"/> for embeddings and semantic IDs.</param>
/// <param name="Notes">Context: a changed fingerprint or model, a column missing in one run, sparse buckets.</param>
public sealed record FieldDrift(string Name, DriftFieldKind Kind, IReadOnlyList<DriftMetric> Metrics, DriftHistogram? Histogram, IReadOnlyList<string> Notes)
{
    /// <summary>The highest severity among the metrics.</summary>
    public DriftSeverity Severity => Metrics.Count == 0 ? DriftSeverity.None : Metrics.Max(m => m.Severity);

    /// <summary>The field's PSI (the first PSI metric); <see langword="null"/> when its kind has none.</summary>
    public double? Psi => Metrics.FirstOrDefault(m => m.Name == DriftMetrics.Psi)?.Value;
}

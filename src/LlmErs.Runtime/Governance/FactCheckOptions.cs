namespace LlmErs;

/// <summary>Options of <see cref="FactCheckGate{TItem}"/>.</summary>
public sealed class FactCheckOptions
{
    /// <summary>The share of each free-text field's valued items the judge checks, for fields not in <see cref="SampleSizes"/>. Default 0.1.</summary>
    public double SampleRate { get; set; } = 0.1;

    /// <summary>How many items of a field the judge checks, by field name; overrides <see cref="SampleRate"/>.</summary>
    public IDictionary<string, int> SampleSizes { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The sample's seed: the same seed and keys choose the same items on any machine. Default 42.</summary>
    public ulong Seed { get; set; } = 42;

    /// <summary>
    /// The most the upper bound of a field's Wilson 95% interval may be; above it the run fails with a
    /// <see cref="GovernanceException"/> once its outputs are written. <see langword="null"/> (default): report only.
    /// </summary>
    public double? MaxViolationRate { get; set; }

    /// <summary>How the judge is called: its model, concurrency, resilience, re-asks.</summary>
    public EnrichmentOptions Judge { get; set; } = new();

    internal int SampleSizeOf(string field, int count) =>
        Math.Min(count, SampleSizes.TryGetValue(field, out var size) ? size : (int)Math.Ceiling(SampleRate * count));

    internal void Validate()
    {
        if (SampleRate is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "Use a share in [0, 1].");
        }

        if (MaxViolationRate is not (null or (>= 0 and <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxViolationRate), MaxViolationRate, "Use a rate in [0, 1].");
        }

        ArgumentNullException.ThrowIfNull(Judge, nameof(Judge));
    }
}

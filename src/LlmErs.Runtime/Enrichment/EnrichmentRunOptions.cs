
namespace LlmErs;

/// <summary>Settings of one <see cref="EnrichmentEngine.RunAsync{T}(IEnumerable{T}, EnrichmentRunOptions?, CancellationToken)"/> call.</summary>
public sealed class EnrichmentRunOptions
{
    /// <summary>Receives progress snapshots, at most every <see cref="EnrichmentOptions.ProgressInterval"/> and once at the end.</summary>
    public IProgress<EnrichmentProgress>? Progress { get; set; }

    /// <summary>
    /// Feature files to write: one row per successful item, in input order. Each file appears atomically when the run
    /// completes; a cancelled or crashed run leaves the previous files untouched.
    /// </summary>
    public IList<FeatureOutput> Outputs { get; } = new List<FeatureOutput>();
}

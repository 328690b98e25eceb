
namespace LlmErs;

/// <summary>
/// Settings of one <see cref="EnrichmentEngine.RunAsync{T}(IEnumerable{T}, EnrichmentRunOptions?, CancellationToken)"/> call.
/// Feature files are written by <see cref="OfflinePipeline{TItem}"/>, once every stage has run.
/// </summary>
public sealed class EnrichmentRunOptions
{
    /// <summary>Receives progress snapshots, at most every <see cref="EnrichmentOptions.ProgressInterval"/> and once at the end.</summary>
    public IProgress<EnrichmentProgress>? Progress { get; set; }
}

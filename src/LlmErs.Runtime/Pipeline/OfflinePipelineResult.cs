namespace LlmErs;

/// <summary>What an <see cref="OfflinePipeline{TItem}"/> run returns: its report, the manifest written, and the items.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class OfflinePipelineResult<TItem>
    where TItem : IEnrichable<TItem>
{
    internal OfflinePipelineResult(PipelineReport report, RunManifest manifest, string manifestPath, IReadOnlyList<PipelineItem<TItem>> items)
    {
        Report = report;
        Manifest = manifest;
        ManifestPath = manifestPath;
        Items = items;
    }

    /// <summary>The run report, also written as <c>report.json</c>.</summary>
    public PipelineReport Report { get; }

    /// <summary>The run manifest, also written to <see cref="ManifestPath"/>.</summary>
    public RunManifest Manifest { get; }

    /// <summary>Where the manifest was written.</summary>
    public string ManifestPath { get; }

    /// <summary>
    /// Every item with a row in the feature files, in input order, with its statuses. Each item holds what its row shows: a
    /// failed or quarantined field is empty on the item too (see <see cref="LlmField{T}.ClearValue"/>), so features built
    /// from these items treat it as missing.
    /// </summary>
    public IReadOnlyList<PipelineItem<TItem>> Items { get; }
}

namespace LlmErs;

/// <summary>
/// A governance check that runs after enrichment and before embedding: it inspects the enriched items and holds back
/// the values it rejects by setting their status to <see cref="FeatureStatus.Quarantined(string)"/> with
/// <see cref="PipelineItem{TItem}.SetStatus"/>. A field without a value is not embedded from: the items whose
/// embedding text reads it get no vector, and their embedding fields read as failed.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
public interface IPipelineGate<TItem>
    where TItem : IEnrichable<TItem>
{
    /// <summary>The gate's name, written in the statuses it sets (<c>quarantined: &lt;name&gt;</c>).</summary>
    string Name { get; }

    /// <summary>Checks <paramref name="items"/>, every item that has a row, in input order.</summary>
    Task RunAsync(IReadOnlyList<PipelineItem<TItem>> items, CancellationToken cancellationToken);
}

namespace LlmErs;

/// <summary>Entry points to generated enrichment models.</summary>
public static class Enrichment
{
    /// <summary>The generated model of <typeparamref name="T"/>.</summary>
    public static EnrichmentModel<T> ModelOf<T>() where T : IEnrichable<T> => T.EnrichmentModel;
}

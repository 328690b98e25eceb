namespace LlmErs;

/// <summary>Entry point to generated enrichment models.</summary>
public static class EnrichmentModel
{
    /// <summary>The generated model of <typeparamref name="T"/>.</summary>
    public static EnrichmentModel<T> Of<T>() where T : IEnrichable<T> => T.EnrichmentModel;
}

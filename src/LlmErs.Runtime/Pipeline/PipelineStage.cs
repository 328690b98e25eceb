namespace LlmErs;

/// <summary>The stages of an <see cref="OfflinePipeline{TItem}"/>, in the order it runs them.</summary>
public enum PipelineStage
{
    /// <summary>The LLM fields, through the <see cref="EnrichmentEngine"/>.</summary>
    Enrichment,

    /// <summary>The governance gates (<see cref="IPipelineGate{TItem}"/>), one after another.</summary>
    Gates,

    /// <summary>The <see cref="EmbeddingAttribute"/> fields, through the <see cref="EmbeddingStage"/>.</summary>
    Embedding,

    /// <summary>The <see cref="SemanticIdAttribute"/> fields, through the <see cref="SemanticIdStage"/>.</summary>
    SemanticIds,

    /// <summary>The feature files, with a status column per derived field.</summary>
    FeatureFiles,

    /// <summary>One vector store per embedding field.</summary>
    VectorStores,

    /// <summary>The run report and the run manifest.</summary>
    Manifest,
}

namespace LlmErs;

/// <summary>What kind of derived field a property is.</summary>
public enum FieldKind
{
    /// <summary>Free text from <see cref="LlmTextAttribute"/>.</summary>
    Text,
    /// <summary>Closed-vocabulary tags from <see cref="LlmTagsAttribute"/>.</summary>
    Tags,
    /// <summary>A typed slot from <see cref="LlmValueAttribute"/>.</summary>
    Value,
    /// <summary>A canonical value from <see cref="LlmNormalizeAttribute"/>.</summary>
    Normalized,
    /// <summary>A vector from <see cref="EmbeddingAttribute"/>.</summary>
    Embedding,
    /// <summary>Residual-quantization codes from <see cref="SemanticIdAttribute"/>.</summary>
    SemanticId,
    /// <summary>A proposed correction of a source member from <see cref="LlmCorrectAttribute"/>.</summary>
    Correction,
    /// <summary>Knowledge-graph triples about the item from <see cref="LlmTriplesAttribute"/>.</summary>
    Triples,
}

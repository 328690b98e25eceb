namespace LlmErs;

/// <summary>How a field's values are compared between runs.</summary>
public enum DriftFieldKind
{
    /// <summary>Labels (LlmValue strings and enums, booleans, normalized values): PSI over the labels.</summary>
    Categorical,

    /// <summary>Numbers: KS statistic and PSI over quantile bins of the old run.</summary>
    Numeric,

    /// <summary>Free text: KS and PSI over word counts.</summary>
    Text,

    /// <summary>Tag lists: PSI over the tag shares.</summary>
    Tags,

    /// <summary>Vectors: MMD with a permutation p-value, and the centroid's cosine shift.</summary>
    Embedding,

    /// <summary>Semantic IDs: codes used per level and the collision rate.</summary>
    SemanticId,
}

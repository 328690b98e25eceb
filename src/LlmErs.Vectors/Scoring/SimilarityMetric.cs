namespace LlmErs.Vectors;

/// <summary>How a query and a row are compared.</summary>
public enum SimilarityMetric
{
    /// <summary>The dot product; equals the cosine similarity when both vectors have unit norm.</summary>
    DotProduct,

    /// <summary>The cosine similarity: the dot product divided by both norms (a zero vector scores 0).</summary>
    Cosine,
}

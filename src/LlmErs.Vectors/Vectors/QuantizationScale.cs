namespace LlmErs.Vectors;

/// <summary>How <see cref="QuantizedVectors"/> maps float values to bytes.</summary>
public enum QuantizationScale
{
    /// <summary>
    /// Each dimension gets its own range [min, max] split into 256 steps. Best for embeddings, whose dimensions differ
    /// in spread while rows share a norm; the default. On all-MiniLM-L6-v2 vectors of 9,742 movie titles, the 8-bit
    /// scan alone (no re-ranking slack) found 99.98% of the exact top 10, against 99.88% per row.
    /// </summary>
    PerDimension,

    /// <summary>Each row gets a symmetric range ±max|value| split into 255 steps. Suits rows whose norms differ widely.</summary>
    PerRow,
}

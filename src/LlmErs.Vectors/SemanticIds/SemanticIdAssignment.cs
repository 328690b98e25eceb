namespace LlmErs.Vectors;

/// <summary>The semantic IDs given to one <see cref="SemanticIdAttribute"/> field: its codebook and their quality.</summary>
/// <param name="Field">The semantic-ID property.</param>
/// <param name="Codebook">The trained codebook; save it to encode new items later.</param>
/// <param name="Quality">Collisions, utilization, perplexity and reconstruction error.</param>
public sealed record SemanticIdAssignment(string Field, SemanticIdCodebook Codebook, SemanticIdQualityReport Quality);

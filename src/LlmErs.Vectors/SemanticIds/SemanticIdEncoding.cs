namespace LlmErs.Vectors;

/// <summary>The semantic IDs of a set of items and how well the codebook fits them.</summary>
/// <param name="Ids">One unique ID per item, in item order.</param>
/// <param name="Quality">Collisions, codebook use and reconstruction error.</param>
public sealed record SemanticIdEncoding(IReadOnlyList<SemanticId> Ids, SemanticIdQualityReport Quality);

namespace LlmErs.Vectors;

/// <summary>A recommended item and its similarity score (higher is better).</summary>
/// <param name="ItemId">The item's id, as stored in the vector store.</param>
/// <param name="Score">The similarity to the user or item the recommendation was made for.</param>
public readonly record struct Recommendation(string ItemId, float Score);

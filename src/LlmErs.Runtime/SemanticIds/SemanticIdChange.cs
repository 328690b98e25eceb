namespace LlmErs;

/// <summary>An item whose semantic ID differs from the one the previous run gave it.</summary>
/// <param name="Item">The item's key.</param>
/// <param name="Previous">The ID of the previous run.</param>
/// <param name="Current">The ID of this run.</param>
public sealed record SemanticIdChange(string Item, string Previous, string Current);

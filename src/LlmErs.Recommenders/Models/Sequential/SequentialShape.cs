namespace LlmErs.Recommenders;

/// <summary>The sizes that fix a sequential model's parameter layout.</summary>
/// <param name="ItemCount">The number of items (rows of the ID embedding).</param>
/// <param name="FeatureDimension">The number of item feature columns; 0 for an ID-only model.</param>
/// <param name="Dimension">The hidden size.</param>
/// <param name="Blocks">The number of self-attention blocks.</param>
/// <param name="Heads">The number of attention heads.</param>
/// <param name="MaxLength">The number of positions.</param>
internal sealed record SequentialShape(int ItemCount, int FeatureDimension, int Dimension, int Blocks, int Heads, int MaxLength);

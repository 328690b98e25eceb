namespace LlmErs.Vectors;

/// <summary>How well one level's codebook is used.</summary>
/// <param name="Level">The level, 0 for the coarsest.</param>
/// <param name="UsedCodes">Codes given to at least one item.</param>
/// <param name="DeadCodes">Codes given to no item.</param>
/// <param name="Utilization">Used codes over the codebook size.</param>
/// <param name="Perplexity">
/// <c>exp(entropy)</c> of the code distribution: the number of equally used codes it amounts to. Near the codebook size
/// is ideal; far below it means a few codes take most items.
/// </param>
/// <param name="ResidualError">Mean squared norm of what is left to quantize after this level (in the projected space when PCA is on).</param>
public sealed record SemanticIdLevelQuality(int Level, int UsedCodes, int DeadCodes, double Utilization, double Perplexity, double ResidualError);

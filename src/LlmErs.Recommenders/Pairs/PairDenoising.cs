namespace LlmErs.Recommenders;

/// <summary>What <see cref="PairDenoiser.Prune"/> kept and dropped.</summary>
/// <param name="Kept">The pairs to train on, in input order.</param>
/// <param name="Dropped">The pairs the base model contradicted by more than the margin, in input order.</param>
/// <param name="Margin">The margin used.</param>
public sealed record PairDenoising(IReadOnlyList<TrainingPair> Kept, IReadOnlyList<TrainingPair> Dropped, float Margin);

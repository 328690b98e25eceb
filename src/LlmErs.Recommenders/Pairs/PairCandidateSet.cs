namespace LlmErs.Recommenders;

/// <summary>What <see cref="PairCandidates.FromSplit"/> retrieved: the base model, and each user's candidates.</summary>
/// <param name="BaseModel">The ID-only BPR trained on the training part; denoising (<see cref="PairDenoiser"/>) asks it again.</param>
/// <param name="Users">The users, in request order.</param>
/// <param name="Candidates">Each user's candidate items (split indices), best first.</param>
public sealed record PairCandidateSet(IItemScorer BaseModel, IReadOnlyList<int> Users, IReadOnlyList<int[]> Candidates);

namespace LlmErs.Recommenders;

/// <summary>
/// Extra (user, preferred item, other item) pairs that BPR training (<see cref="MatrixFactorization"/>,
/// <see cref="TwoTower"/>) samples alongside the log's (user, positive, sampled negative) triples, as LLMRec adds the
/// pairs an LLM chose: each pair adds <c>Weight · −log σ(s(u, preferred) − s(u, other))</c> to the loss.
/// </summary>
/// <remarks>
/// Every pair is visited once an epoch, in a seeded shuffle, spread evenly over the epoch's mini-batches; a batch's loss
/// stays a mean over its log triples, so <see cref="Weight"/> 1 makes a pair count as much as one log triple. The pairs
/// get no L2 term of their own (the log triples regularize the same vectors). With no pairs or weight 0, training is
/// exactly (bit for bit) as without.
/// </remarks>
public sealed class AugmentedPairs
{
    /// <summary>The name the ablation shows for the block (<see cref="AblationOptions.AugmentedPairs"/>). Default "LLM-chosen pairs".</summary>
    public string Name { get; init; } = "LLM-chosen pairs";

    /// <summary>The pairs, in split indices; a pair whose two items are the same is an error.</summary>
    public required IReadOnlyList<TrainingPair> Pairs { get; init; }

    /// <summary>The weight of a pair's loss against a log triple's. Default 1.</summary>
    public float Weight { get; init; } = 1f;

    /// <summary>Whether training uses the pairs at all: some pairs and a positive weight.</summary>
    internal bool IsActive => Pairs.Count > 0 && Weight > 0;

    /// <summary>Throws when the weight is out of range or a pair is outside the data, naming the pair.</summary>
    internal void Validate(int userCount, int itemCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        ArgumentNullException.ThrowIfNull(Pairs, nameof(Pairs));
        if (!float.IsFinite(Weight) || Weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Weight), Weight, "The weight of the augmented pairs must be zero or a positive number.");
        }

        for (var p = 0; p < Pairs.Count; p++)
        {
            var (user, preferred, other) = Pairs[p];
            if ((uint)user >= (uint)userCount || (uint)preferred >= (uint)itemCount || (uint)other >= (uint)itemCount)
            {
                throw new ArgumentException(
                    $"Augmented pair {p} ({user}, {preferred}, {other}) is outside the data ({userCount} users, {itemCount} items); build the pairs on the indices of the split the model trains on.", nameof(Pairs));
            }

            if (preferred == other)
            {
                throw new ArgumentException($"Augmented pair {p} of user {user} prefers item {preferred} to itself; drop it.", nameof(Pairs));
            }
        }
    }
}


namespace LlmErs.Recommenders;

/// <summary>
/// Distillation from a teacher, for example <see cref="ContentBaseline"/> over LLM embeddings: for sampled item pairs
/// (i, j) of a user, the student's pair score <c>x = s(u, i) − s(u, j)</c> is pulled toward the teacher's preference
/// <c>p = σ((t(u, i) − t(u, j)) / Temperature)</c> by the cross-entropy <c>−p log σ(x) − (1 − p) log σ(−x)</c>.
/// </summary>
/// <remarks>
/// The term is added on every training pair (positive, negative) and on <see cref="PairsPerPositive"/> pairs of
/// uniformly drawn items per positive, which carry the teacher's knowledge to items with few or no interactions.
/// </remarks>
public sealed class DistillationOptions
{
    /// <summary>The teacher; called concurrently, so it must be safe for concurrent reads.</summary>
    public required IItemScorer Teacher { get; init; }

    /// <summary>The weight of the distillation term against the BPR loss; 0 trains exactly as without distillation. Default 0.5.</summary>
    public float Weight { get; init; } = 0.5f;

    /// <summary>
    /// The teacher-score difference that counts as a confident preference, in the teacher's units. With cosine
    /// similarities of text embeddings, 0.05 (the default) turns a difference of 0.1 into a preference of 0.88.
    /// </summary>
    public float Temperature { get; init; } = 0.05f;

    /// <summary>How many pairs of uniformly drawn items each positive interaction adds for the teacher alone. Default 1.</summary>
    public int PairsPerPositive { get; init; } = 1;

    internal void Validate(int itemCount)
    {
        if (Teacher is null)
        {
            throw new ArgumentException("Distillation needs a teacher.", nameof(Teacher));
        }

        if (Teacher.ItemCount != itemCount)
        {
            throw new ArgumentException($"The teacher scores {Teacher.ItemCount} items but the data has {itemCount}; train the teacher on the same item indices.", nameof(Teacher));
        }

        if (!float.IsFinite(Weight) || Weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Weight), Weight, "The distillation weight must be zero or a positive number.");
        }

        if (!float.IsFinite(Temperature) || Temperature <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "The temperature must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(PairsPerPositive, nameof(PairsPerPositive));
    }
}

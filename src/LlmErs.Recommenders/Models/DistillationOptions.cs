
namespace LlmErs.Recommenders;

/// <summary>
/// Distillation from a teacher — <see cref="ContentBaseline"/> over LLM embeddings, or an LLM's listwise rankings
/// (<see cref="ListwiseTeacherScores"/>) — with a pairwise and a pointwise loss:
/// <list type="bullet">
/// <item><description>pairwise (<see cref="Weight"/>): for item pairs (i, j) of a user, the student's pair score
/// <c>x = s(u, i) − s(u, j)</c> is pulled toward the teacher's preference <c>p = σ((t(u, i) − t(u, j)) / Temperature)</c> by
/// the cross-entropy <c>−p log σ(x) − (1 − p) log σ(−x)</c>;</description></item>
/// <item><description>pointwise (<see cref="PointwiseWeight"/>): each item's student score <c>s(u, i)</c> is pulled
/// toward the teacher's score read as a probability, <c>q = clamp(t(u, i), 0, 1)</c>, by
/// <c>−q log σ(s) − (1 − q) log σ(−s)</c>. It suits teachers whose scores are probabilities (a listwise teacher's
/// 1 … 0 by rank), not raw similarities.</description></item>
/// </list>
/// </summary>
/// <remarks>
/// Both terms are added on every training pair (positive, negative) and on <see cref="PairsPerPositive"/> teacher pairs
/// per positive, which carry the teacher's knowledge to items with few or no interactions: uniformly drawn items, or,
/// for a teacher that judges only some items (<see cref="IDistillationCandidates"/>), two of the user's candidates. A
/// term whose teacher score is NaN (not judged) is left out.
/// </remarks>
public sealed class DistillationOptions
{
    /// <summary>The teacher; called concurrently, so it must be safe for concurrent reads.</summary>
    public required IItemScorer Teacher { get; init; }

    /// <summary>The weight of the pairwise distillation term against the BPR loss. Default 0.5. With <see cref="PointwiseWeight"/> also 0, training is exactly as without distillation.</summary>
    public float Weight { get; init; } = 0.5f;

    /// <summary>The weight of the pointwise distillation term against the BPR loss. Default 0 (none).</summary>
    public float PointwiseWeight { get; init; }

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

        if (!float.IsFinite(PointwiseWeight) || PointwiseWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PointwiseWeight), PointwiseWeight, "The pointwise distillation weight must be zero or a positive number.");
        }

        if (!float.IsFinite(Temperature) || Temperature <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "The temperature must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(PairsPerPositive, nameof(PairsPerPositive));
    }
}

namespace LlmErs.Recommenders;

/// <summary>
/// A distillation teacher that judges only some items per user (e.g. <see cref="ListwiseTeacherScores"/>: the
/// candidates an LLM ranked). Its scores are NaN elsewhere; training draws the teacher's extra pairs among these items
/// and leaves the distillation terms out wherever the teacher has no score.
/// </summary>
public interface IDistillationCandidates
{
    /// <summary>The items the teacher scored for <paramref name="user"/>; empty when none.</summary>
    ReadOnlySpan<int> CandidatesOf(int user);
}

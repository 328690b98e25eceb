namespace LlmErs;

/// <summary>A listwise teacher's answer for one user.</summary>
/// <param name="User">The user's id.</param>
/// <param name="RankedKeys">Candidate keys, best first: every candidate the model ranked (at least <see cref="ListwiseTeacherOptions.MinRanked"/>).</param>
/// <param name="FromCache">Whether the answer came from the cache (no request).</param>
/// <param name="Calls">The requests made: 0 from the cache, 1 when the first answer was valid, more after re-asks.</param>
public sealed record TeacherRanking(string User, IReadOnlyList<string> RankedKeys, bool FromCache, int Calls);

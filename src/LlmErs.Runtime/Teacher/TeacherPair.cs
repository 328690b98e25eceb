namespace LlmErs;

/// <summary>A pair teacher's answer for one user: the candidate the user would most likely enjoy and the one least, or why there is none.</summary>
/// <param name="User">The user's id.</param>
/// <param name="Choice">The two candidate keys; <see langword="null"/> when <paramref name="Failure"/> is set.</param>
/// <param name="FromCache">Whether the answer came from the cache (no request).</param>
/// <param name="Calls">The requests made: 0 from the cache, 1 when the first answer was valid, more after re-asks.</param>
/// <param name="Tokens">The tokens those requests used.</param>
/// <param name="Failure">Why there is no pair (the model refused, or its answer stayed invalid after the re-asks); <see langword="null"/> on success.</param>
public sealed record TeacherPair(string User, PreferenceAnswer? Choice, bool FromCache, int Calls, TokenUsage Tokens, string? Failure);

namespace LlmErs;

/// <summary>What <see cref="CandidateAsker"/> got for one question: a valid value, or the reason there is none.</summary>
/// <param name="Value">The validated answer; default when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">Why there is no valid answer (refused, or still invalid after the re-asks); <see langword="null"/> on success.</param>
/// <param name="FromCache">Whether the answer came from the cache (no request).</param>
/// <param name="Calls">The requests made: 0 from the cache, 1 when the first answer was valid, more after re-asks.</param>
/// <param name="Tokens">The tokens those requests used, as the provider reported them.</param>
internal readonly record struct CandidateAnswer<T>(T? Value, string? Failure, bool FromCache, int Calls, TokenUsage Tokens);

namespace LlmErs;

/// <summary>What a batch returned for one request: the answer's text, or why there is none to use.</summary>
/// <param name="Text">The completion's content; <see langword="null"/> when there is none.</param>
/// <param name="Problem">Why <paramref name="Text"/> is missing, for the log.</param>
/// <param name="Answered">Whether the model answered (a completion, possibly a refusal), as opposed to an error or expiry.</param>
/// <param name="Usage">The tokens the request consumed.</param>
internal sealed record BatchAnswer(string? Text, string? Problem, bool Answered, TokenUsage Usage);

namespace LlmErs;

/// <summary>What a listwise teacher is asked for one user: rank the candidates for this history.</summary>
/// <param name="User">The user's id, for messages and results.</param>
/// <param name="History">What the user interacted with, oldest first (e.g. titles and genres), or a written profile.</param>
/// <param name="Candidates">The items to rank, e.g. a base model's top retrievals.</param>
public sealed record TeacherRequest(string User, IReadOnlyList<string> History, IReadOnlyList<TeacherCandidate> Candidates);
